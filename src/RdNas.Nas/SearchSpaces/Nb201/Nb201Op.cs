namespace RdNas.Nas.SearchSpaces.Nb201;

/// <summary>The candidate operations on a NAS-Bench-201 edge, in the benchmark's order.</summary>
public enum Nb201Op
{
    /// <summary>Zero: the edge carries nothing.</summary>
    None = 0,

    /// <summary>Identity.</summary>
    SkipConnect = 1,

    /// <summary>ReLU, 1×1 convolution, batch norm.</summary>
    NorConv1x1 = 2,

    /// <summary>ReLU, 3×3 convolution, batch norm.</summary>
    NorConv3x3 = 3,

    /// <summary>3×3 average pooling, stride 1.</summary>
    AvgPool3x3 = 4,
}
