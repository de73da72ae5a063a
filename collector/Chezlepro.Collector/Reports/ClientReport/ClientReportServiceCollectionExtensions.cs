using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Reports.ClientReport;

/// <summary>Registers the monthly client report: its options (validated at start), the builder, the PDF printer.</summary>
public static class ClientReportServiceCollectionExtensions
{
    /// <summary>Adds the client report's services.</summary>
    public static IServiceCollection AddClientReports(this IServiceCollection services)
    {
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ReportsOptions>, ReportsOptionsValidator>();
        services.AddSingleton<ClientReportBuilder>();
        services.AddSingleton<ChromiumPdfPrinter>();
        return services;
    }
}
