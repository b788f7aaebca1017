using System.Globalization;

namespace RdNas.Nas.Training;

/// <summary>
/// The settings in which two option records differ, named one by one: what a refused checkpoint's error says instead
/// of printing both records whole, where the one difference is hard to find among a dozen equal fields.
/// </summary>
internal static class SettingDifferences
{
    /// <summary>"<c>Name</c> A there, B here" for each public property whose value differs between the two.</summary>
    public static IEnumerable<string> Of<T>(T there, T here)
        where T : notnull =>
        typeof(T).GetProperties()
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, There: p.GetValue(there), Here: p.GetValue(here)))
            .Where(v => !Equals(v.There, v.Here))
            .Select(v => $"{v.Name} {Format(v.There)} there, {Format(v.Here)} here");

    // Doubles come out shortest round-trip, as "R" would print them.
    private static string Format(object? value) => value is null ? "none" : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "none";
}
