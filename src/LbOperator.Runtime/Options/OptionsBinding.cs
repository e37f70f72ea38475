using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LbOperator.Runtime.Options;

public static class OptionsBinding
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from <paramref name="section"/> (durations in Go or .NET style) and
    /// validates it when the host starts, before anything connects. A value that does not convert is a
    /// validation failure naming the key, not an exception from deep inside the host.
    /// </summary>
    public static OptionsBuilder<T> BindValidatedOnStart<T>(this IServiceCollection services, IConfigurationSection section)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(section);
        Durations.UseForConfiguration();
        return services.AddOptionsWithValidateOnStart<T>().Configure(options => Bind(section, options));
    }

    /// <summary>Binds a section the host needs before it is built (its ports), with the same failures.</summary>
    public static T BindNow<T>(IConfigurationSection section)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(section);
        Durations.UseForConfiguration();
        var options = new T();
        Bind(section, options);
        return options;
    }

    private static void Bind<T>(IConfigurationSection section, T options)
        where T : class
    {
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException error)
        {
            var reason = error.InnerException?.Message is { Length: > 0 } inner ? $" {inner}" : "";
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(T), [error.Message + reason]);
        }
    }
}
