namespace RdNas.Nas.Training.Methods;

/// <summary>The mean cross-entropy and accuracy of the subnets a step trained.</summary>
public readonly record struct StepOutcome(double Loss, double Accuracy);
