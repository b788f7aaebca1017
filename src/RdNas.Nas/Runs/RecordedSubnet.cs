namespace RdNas.Nas.Runs;

/// <summary>One evaluated subnet of a finished run, as <c>subnets.csv</c> holds it.</summary>
public sealed record RecordedSubnet(string Arch, double SupernetAccuracy, double GroundTruth);
