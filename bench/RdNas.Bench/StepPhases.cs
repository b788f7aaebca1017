using System.Globalization;

namespace RdNas.Bench;

/// <summary>Seconds spent in each phase of the timed training steps, printed as medians (fields of bench/pytorch_step.py's line).</summary>
internal sealed class StepPhases
{
    private readonly List<double> _zeroGrad = [];
    private readonly List<double> _forward = [];
    private readonly List<double> _backward = [];
    private readonly List<double> _optimizer = [];

    public void Add(double zeroGrad, double forward, double backward, double optimizer)
    {
        _zeroGrad.Add(zeroGrad);
        _forward.Add(forward);
        _backward.Add(backward);
        _optimizer.Add(optimizer);
    }

    /// <summary><c>zero_grad_s=… forward_s=… backward_s=… optimizer_s=…</c>, each the median over the steps.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"zero_grad_s={Median(_zeroGrad):F4} forward_s={Median(_forward):F4} backward_s={Median(_backward):F4} optimizer_s={Median(_optimizer):F4}");

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
