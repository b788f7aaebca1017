namespace RdNas.Grains.Architectures;

/// <summary>
/// What an architecture grain needs from its search space: the architecture's ground truth and its proxy scores.
/// Every failure a caller can cause (an unknown dataset or proxy) is an <see cref="RdNas.Abstractions.Architectures.ArchitectureRejectedException"/>.
/// </summary>
internal interface ISpaceArchitecture
{
    /// <summary>The space's name in architecture keys (<c>nb201</c>, <c>resnet48</c>).</summary>
    string Space { get; }

    /// <summary>The canonical code.</summary>
    string Arch { get; }

    /// <summary>The ground-truth accuracy (percent) on <paramref name="dataset"/>.</summary>
    double GroundTruth(string dataset);

    /// <summary>Every ground-truth accuracy the space knows for this architecture, by dataset.</summary>
    IReadOnlyDictionary<string, double> Accuracies();

    /// <summary>The name <paramref name="proxy"/> is stored under; refused if the space cannot score it.</summary>
    string CheckProxy(string proxy);

    /// <summary>Computes the score of <paramref name="proxy"/>, a name <see cref="CheckProxy"/> returned (off the grain scheduler).</summary>
    Task<double> ScoreAsync(string proxy);
}
