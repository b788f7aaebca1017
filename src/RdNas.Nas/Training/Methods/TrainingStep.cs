using RdNas.Nas.Randomness;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using static TorchSharp.torch;

namespace RdNas.Nas.Training.Methods;

/// <summary>One step's inputs: the supernet, the augmented batch, the subnet generator, and where training stands.</summary>
public sealed record TrainingStep(Nb201Supernet Model, Tensor Images, Tensor Labels, SeededGenerator Subnets, int Epoch, int Epochs)
{
    /// <summary>The subnet's logits and cross-entropy on the batch, and how many images it gets right.</summary>
    public (Tensor Logits, Tensor Loss, long Correct) CrossEntropy(Nb201Genotype genotype)
    {
        var logits = Model.forward(Images, genotype);
        var loss = nn.functional.cross_entropy(logits, Labels);
        using var hits = logits.argmax(1).eq(Labels).sum();
        return (logits, loss, hits.item<long>());
    }

    /// <summary>The accuracy of <paramref name="correct"/> hits over <paramref name="subnets"/> passes of the batch.</summary>
    public double Accuracy(long correct, int subnets = 1) => correct / (double)(subnets * Images.shape[0]);
}
