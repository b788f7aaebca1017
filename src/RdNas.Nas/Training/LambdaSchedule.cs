using System.Globalization;

namespace RdNas.Nas.Training;

/// <summary>
/// The weight λ of the ranking loss by epoch: <c>sine</c> 2·sin(0.8π·e/E) (the NB201 reference), <c>warmup</c>
/// min(2, e/10) (the ResNet reference, best in the competition) or <c>const:V</c>; e is the 0-based epoch, E the
/// number of epochs.
/// </summary>
public sealed record LambdaSchedule
{
    private LambdaSchedule(string kind, double value)
    {
        Kind = kind;
        Value = value;
    }

    /// <summary><c>sine</c>, <c>warmup</c> or <c>const</c>.</summary>
    public string Kind { get; }

    /// <summary>The constant of <c>const:V</c> (0 otherwise).</summary>
    public double Value { get; }

    /// <summary>The NB201 reference schedule.</summary>
    public static LambdaSchedule Sine { get; } = new("sine", 0);

    /// <summary>The ResNet reference schedule.</summary>
    public static LambdaSchedule Warmup { get; } = new("warmup", 0);

    /// <summary>A constant weight.</summary>
    public static LambdaSchedule Constant(double value) =>
        double.IsFinite(value) && value >= 0 ? new("const", value) : throw new ArgumentOutOfRangeException(nameof(value), value, "λ must be a finite number ≥ 0");

    /// <summary>Parses <c>sine</c>, <c>warmup</c> or <c>const:V</c>; the error lists the forms.</summary>
    public static LambdaSchedule Parse(string spec)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(spec);
        spec = spec.Trim();
        if (spec == "sine")
        {
            return Sine;
        }

        if (spec == "warmup")
        {
            return Warmup;
        }

        return spec.StartsWith("const:", StringComparison.Ordinal)
            && double.TryParse(spec.AsSpan(6), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0
            ? Constant(value)
            : throw new ArgumentException($"--lambda {spec}: expected sine, warmup or const:V with V a number ≥ 0", nameof(spec));
    }

    /// <summary>λ at epoch <paramref name="epoch"/> (0-based) of <paramref name="epochs"/>.</summary>
    public double At(int epoch, int epochs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        return Kind switch
        {
            "sine" => 2 * Math.Sin(0.8 * Math.PI * epoch / epochs),
            "warmup" => Math.Min(2, epoch / 10.0),
            _ => Value,
        };
    }

    /// <summary>The spec this schedule parses from.</summary>
    public override string ToString() => Kind == "const" ? string.Create(CultureInfo.InvariantCulture, $"const:{Value}") : Kind;
}
