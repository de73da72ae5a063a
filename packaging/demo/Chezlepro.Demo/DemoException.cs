namespace Chezlepro.Demo;

/// <summary>A demo prerequisite is missing; the message says exactly what to do.</summary>
public sealed class DemoException(string message) : Exception(message);
