using RdNas.Nas.SearchSpaces.Nb201;

namespace RdNas.Nas.Runs;

/// <summary>One evaluated subnet: its supernet accuracy and its benchmark ground truth (both %), and its supernet valid loss.</summary>
public sealed record SubnetScore(Nb201Genotype Genotype, double SupernetAccuracy, double GroundTruth, double SupernetLoss);
