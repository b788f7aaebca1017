namespace RdNas.Cli.Commands;

/// <summary>The search spaces the <c>--space</c> option names.</summary>
internal enum SearchSpaceName
{
    /// <summary>NAS-Bench-201 (<c>nb201</c>).</summary>
    Nb201,

    /// <summary>The CVPR 2022 NAS competition's ResNet48 space (<c>resnet48</c>).</summary>
    ResNet48,
}
