namespace RdNas.Nas.Evaluation;

/// <summary>
/// What the supernet measures of one subnet on the valid images: top-1 accuracy (%) and mean cross-entropy. The loss
/// moves continuously where accuracy counts whole images, so it separates subnets whose accuracies tie or differ by
/// less than the count's sampling noise.
/// </summary>
public readonly record struct SubnetMeasurement(double Accuracy, double Loss);
