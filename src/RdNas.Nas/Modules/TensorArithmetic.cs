using TorchSharp;
using static TorchSharp.torch;

namespace RdNas.Nas.Modules;

/// <summary>
/// Tensor arithmetic whose <see cref="Scalar"/> operands outlive the native call.
/// </summary>
/// <remarks>
/// TorchSharp 0.107 turns numbers (and the default <c>alpha = 1</c> of <c>add</c>) into <see cref="Scalar"/> objects
/// that nobody disposes; once their handle has been read they are garbage, and a collection on another thread can
/// finalize them while libtorch still reads them: a crash at best, a silently wrong operand at worst. Every hot-path
/// operation that needs a scalar goes through here, where the scalar is disposed only after the call returns.
/// </remarks>
public static class TensorArithmetic
{
    /// <summary><paramref name="a"/> + <paramref name="alpha"/> · <paramref name="b"/>, out of place.</summary>
    public static Tensor Add(Tensor a, Tensor b, double alpha = 1.0)
    {
        ArgumentNullException.ThrowIfNull(a);
        using var scale = alpha.ToScalar();
        return a.add(b, scale);
    }

    /// <summary><paramref name="a"/> + <paramref name="value"/> in every element, out of place.</summary>
    public static Tensor AddScalar(Tensor a, double value)
    {
        ArgumentNullException.ThrowIfNull(a);
        using var scalar = value.ToScalar();
        using var one = 1.0.ToScalar();
        return a.add(scalar, one);
    }

    /// <summary><paramref name="a"/> += <paramref name="alpha"/> · <paramref name="b"/>, in place.</summary>
    public static Tensor AddInPlace(Tensor a, Tensor b, double alpha = 1.0)
    {
        ArgumentNullException.ThrowIfNull(a);
        using var scale = alpha.ToScalar();
        return a.add_(b, scale);
    }

    /// <summary>Adds one to an integer tensor in place (a batch counter).</summary>
    public static Tensor Increment(Tensor counter)
    {
        ArgumentNullException.ThrowIfNull(counter);
        using var one = 1L.ToScalar();
        return counter.add_(one, one);
    }

    /// <summary>Sets every element of <paramref name="a"/> to <paramref name="value"/>.</summary>
    public static Tensor Fill(Tensor a, double value)
    {
        ArgumentNullException.ThrowIfNull(a);
        using var scalar = value.ToScalar();
        return a.fill_(scalar);
    }
}
