using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// Writes a YAML scalar as the JSON value kubectl would send: plain <c>80</c> a number, <c>true</c> a
/// boolean, <c>~</c>/<c>null</c>/empty a null (YAML 1.2 core schema); quoted and block scalars strings.
/// </summary>
internal static class YamlScalars
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static void Write(Utf8JsonWriter json, Scalar scalar)
    {
        var value = scalar.Value;
        if (scalar.Style != ScalarStyle.Plain || (!scalar.Tag.IsEmpty && scalar.Tag.Value == StringTag))
        {
            json.WriteStringValue(value);
        }
        else if (IsNull(value))
        {
            json.WriteNullValue();
        }
        else if (value is "true" or "True" or "TRUE")
        {
            json.WriteBooleanValue(true);
        }
        else if (value is "false" or "False" or "FALSE")
        {
            json.WriteBooleanValue(false);
        }
        else if (IsJsonNumber(value))
        {
            json.WriteRawValue(value, skipInputValidation: true);
        }
        else if (RadixInteger(value) is { } integer)
        {
            json.WriteNumberValue(integer);
        }
        else
        {
            json.WriteStringValue(value);
        }
    }

    public static bool IsNull(string value) => value is "" or "~" or "null" or "Null" or "NULL";

    private static bool IsJsonNumber(string text)
    {
        var i = 0;
        if (text[0] == '-')
        {
            i++;
        }

        var digits = Digits(text, ref i);
        if (digits == 0 || (digits > 1 && text[i - digits] == '0'))
        {
            return false;
        }

        if (i < text.Length && text[i] == '.')
        {
            i++;
            if (Digits(text, ref i) == 0)
            {
                return false;
            }
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            if (Digits(text, ref i) == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    private static int Digits(string text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i - start;
    }

    private static long? RadixInteger(string text)
    {
        if (text.Length > 2 && text[0] == '0' && text[1] is 'x' or 'o')
        {
            try
            {
                return text[1] == 'x'
                    ? long.Parse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
                    : Convert.ToInt64(text[2..], 8);
            }
            catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
            {
                return null;
            }
        }

        return null;
    }
}
