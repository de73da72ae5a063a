namespace Chezlepro.Collector.Bench;

public static class Program
{
    public static int Main(string[] args) => 0;
}
