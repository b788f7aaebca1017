using RdNas.Nas.SearchSpaces.ResNet48;

namespace RdNas.Nas.GroundTruth;

/// <summary>One entry of a CVPR 2022 Track 1 file: its name (<c>arch1</c>…), the architecture and its accuracy (%; 0 where hidden).</summary>
public sealed record Track1Architecture(string Name, ResNet48Genotype Genotype, double Accuracy);
