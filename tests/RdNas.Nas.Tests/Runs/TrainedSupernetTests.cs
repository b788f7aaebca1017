using RdNas.Nas.Data;
using RdNas.Nas.Runs;
using RdNas.Nas.Sampling;
using RdNas.Nas.SearchSpaces.Nb201;
using RdNas.Nas.Supernets.Nb201;
using RdNas.Nas.Training;
using RdNas.Nas.Training.Methods;

namespace RdNas.Nas.Tests.Runs;

/// <summary>The ways a folder can fail to be a searchable run, and the space a finished one is read as; a finished run is searched in the CLI's tests.</summary>
public sealed class TrainedSupernetTests
{
    private const string Evaluation = """{ "split_seed": 0, "evaluation": { "subnets": 10, "sample_seed": 0, "recalibration_batches": 2, "recalibration_batch_size": 64, "valid_images": 256, "batch_size": 256 } }""";

    [Fact]
    public void Open_NoResultFile_SaysItIsNoFinishedRun()
    {
        var folder = TestData.TempFolder();

        var error = Assert.Throws<FileNotFoundException>(() => TrainedSupernet.Open(folder, new DataDirectory(folder)));

        Assert.Contains("no result.json (is it a finished run folder?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NoCheckpoint_NamesTheFolder()
    {
        var folder = TestData.TempFolder();
        File.WriteAllText(Path.Combine(folder, TrainingRunWriter.ResultFile), Evaluation);

        var error = Assert.Throws<FileNotFoundException>(() => TrainedSupernet.Open(folder, new DataDirectory(folder)));

        Assert.Contains("no checkpoint/ with the trained weights", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ResultWithoutEvaluationSettings_IsAnError()
    {
        var folder = TestData.TempFolder();
        File.WriteAllText(Path.Combine(folder, TrainingRunWriter.ResultFile), """{ "split_seed": 0 }""");
        SaveCheckpointAtEpochZero(folder);

        var error = Assert.Throws<InvalidDataException>(() => TrainedSupernet.Open(folder, new DataDirectory(folder)));

        Assert.Contains("records no evaluation settings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_UnfinishedRun_SaysWhichEpochItHolds()
    {
        var folder = TestData.TempFolder();
        File.WriteAllText(Path.Combine(folder, TrainingRunWriter.ResultFile), Evaluation);
        SaveCheckpointAtEpochZero(folder);

        var error = Assert.Throws<InvalidDataException>(() => TrainedSupernet.Open(folder, new DataDirectory(folder)));

        Assert.Contains("holds epoch 0 of 2; finish the run", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SpaceOf_UnfinishedRun_RefusedAsOpenRefusesIt()
    {
        var folder = TestData.TempFolder();
        File.WriteAllText(Path.Combine(folder, TrainingRunWriter.ResultFile), Evaluation);
        SaveCheckpointAtEpochZero(folder);

        var error = Assert.Throws<InvalidDataException>(() => TrainedSupernet.SpaceOf(folder));

        Assert.Contains("holds epoch 0 of 2; finish the run", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void SpaceOf_FinishedRun_IsTheTrainedSpaceReadWithoutData(int opCount)
    {
        var folder = TestData.TempFolder();
        File.WriteAllText(Path.Combine(folder, TrainingRunWriter.ResultFile), Evaluation);
        SaveCheckpoint(folder, opCount, epochsTrained: 2);

        Assert.Equal(new Nb201SearchSpace(opCount).Size, TrainedSupernet.SpaceOf(folder).Size);
    }

    private static void SaveCheckpointAtEpochZero(string folder) => SaveCheckpoint(folder, opCount: 4, epochsTrained: 0);

    private static void SaveCheckpoint(string folder, int opCount, int epochsTrained)
    {
        var pixels = new byte[64 * Cifar10Images.PixelBytes];
        var images = new Cifar10Images(pixels, [.. Enumerable.Range(0, 64).Select(i => (byte)(i % 10))]);
        using var trainer = new SupernetTrainer(
            new Nb201SupernetOptions(Width: 4, CellsPerStage: 1, OpCount: opCount), new TrainingOptions(Epochs: 2, BatchSize: 32),
            new SposMethod(new UniformSubnetSampler(new Nb201SearchSpace(opCount))), images, [.. Enumerable.Range(0, 64)]);
        for (var epoch = 0; epoch < epochsTrained; epoch++)
        {
            trainer.TrainEpoch();
        }

        trainer.SaveCheckpoint(Path.Combine(folder, TrainingRunSpec.CheckpointFolder));
    }
}
