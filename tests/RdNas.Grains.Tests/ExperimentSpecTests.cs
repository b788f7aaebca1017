using RdNas.Abstractions.Experiments;
using RdNas.Client;

namespace RdNas.Grains.Tests;

[Collection(SingleSiloTests.Name)]
public sealed class ExperimentSpecTests(SingleSiloCluster fixture)
{
    private RdNasClient Client => RdNasClient.Over(fixture.Cluster.Client);

    public static TheoryData<ExperimentSpec, string, string> InvalidSpecs => new()
    {
        { new ExperimentSpec(Space: "darts"), "space", "unknown space 'darts'" },
        { new ExperimentSpec(Sampler: "darts"), "sampler", "unknown sampler 'darts'" },
        { new ExperimentSpec(Preset: "huge"), "preset", "unknown preset 'huge'" },
        { new ExperimentSpec(Epochs: 0), "epochs", "must be at least 1, got 0" },
        { new ExperimentSpec(Epochs: -3), "epochs", "must be at least 1, got -3" },
        { new ExperimentSpec(BatchSize: 100_000), "batch_size", "outside what a silo holds (1 to 1024" },
        { new ExperimentSpec(TrainImages: 0), "train_images", "must be between 1 and 50000" },
        { new ExperimentSpec(Preset: "smoke", TrainImages: 10), "train_images", "must be at least the batch size (64), got 10" },
        { new ExperimentSpec(Preset: "smoke", BatchSize: 600), "train_images", "must be at least the batch size (600), got 512" },
        { new ExperimentSpec(Sampler: "rdnas", Teacher: "synflo"), "teacher", "unknown proxy 'synflo'" },
        { new ExperimentSpec(Sampler: "rdnas", PairSampler: "closest"), "pair_sampler", "unknown pair sampler 'closest'" },
        { new ExperimentSpec(Sampler: "rdnas", Lambda: "cosine"), "lambda", "expected sine, warmup or const:V" },
        { new ExperimentSpec(GroundTruth: " "), "ground_truth", "must name an NB201 column" },
        { new ExperimentSpec(Preset: "small", AverageWeightsAfter: 25), "average_weights_after", "must be between 0 and 24 (the run trains 25 epochs), got 25" },
        { new ExperimentSpec(Epochs: 4, AverageWeightsAfter: -1), "average_weights_after", "must be between 0 and 3" },
        { new ExperimentSpec(HeadDropout: 1), "head_dropout", "must be a probability in [0, 1), got 1" },
        { new ExperimentSpec(HeadDropout: -0.1), "head_dropout", "must be a probability in [0, 1), got -0.1" },
        { new ExperimentSpec(Subnets: 1), "subnets", "must be between 2 (a ranking needs a pair) and 4096 (the 4-op space), got 1" },
        { new ExperimentSpec(Subnets: 4097), "subnets", "must be between 2 (a ranking needs a pair) and 4096 (the 4-op space), got 4097" },
        { new ExperimentSpec(BnStatistics: "running"), "bn_statistics", "unknown batch-norm statistics 'running' (expected recalibrated or valid-batch)" },
        { new ExperimentSpec(Search: new ExperimentSearchSpec(Strategy: "annealing")), "search", "unknown search strategy 'annealing' (expected evolution or random)" },
        { new ExperimentSpec(Search: new ExperimentSearchSpec(Budget: 0)), "search_budget", "between 1 and the space's 4096 cells" },
        { new ExperimentSpec(Search: new ExperimentSearchSpec(Budget: 5, Population: 6)), "search_population", "between 1 and the budget's 5 cells" },
        { new ExperimentSpec(Search: new ExperimentSearchSpec(Population: 4, Tournament: 5)), "search_tournament", "between 1 and the population's 4 members" },
    };

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    public async Task Submit_InvalidField_RefusedNamingTheField(ExperimentSpec spec, string field, string message)
    {
        var id = $"invalid-{Guid.NewGuid():N}";

        var error = await Assert.ThrowsAsync<InvalidExperimentSpecException>(() => Client.SubmitAsync(spec, id));

        Assert.Equal(field, error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Null(await Client.GetSpecAsync(id));
    }

    [Fact]
    public async Task Submit_DifferentSpecUnderAUsedId_Refused()
    {
        var spec = new ExperimentSpec(Preset: "smoke", Epochs: 1, TrainImages: 128);
        await Client.SubmitAsync(spec, "reused-id");

        var again = await Client.SubmitAsync(spec, "reused-id");
        var error = await Assert.ThrowsAsync<InvalidExperimentSpecException>(() => Client.SubmitAsync(spec with { Seed = 9 }, "reused-id"));

        Assert.Equal("reused-id", again.Id);
        Assert.Equal("id", error.Field);
        Assert.Equal(spec, await Client.GetSpecAsync("reused-id"));
        Assert.Contains((await Client.ListExperimentsAsync()).Select(e => e.Id), id => id == "reused-id");
        Assert.Equal(ExperimentPhase.Cancelled, (await Client.CancelAsync("reused-id")).Phase);
    }

    [Fact]
    public async Task Experiment_WithASearch_ScoresCellsWithItsSupernetAndReturnsTheSearch()
    {
        var spec = new ExperimentSpec(Preset: "smoke", Epochs: 1, TrainImages: 256, Search: new ExperimentSearchSpec("evolution", Budget: 6, Seed: 1, Population: 3, Tournament: 2));
        await Client.SubmitAsync(spec, "with-search");

        var final = await PlacementTests.FinalAsync(Client, "with-search");
        var result = await Client.GetResultAsync("with-search");

        Assert.Equal(ExperimentPhase.Completed, final.Phase);
        Assert.Equal((6, 6), (final.SearchedCells, final.SearchBudget));
        Assert.Equal(6, result!.SearchedCells);
        using var search = System.Text.Json.JsonDocument.Parse(result!.SearchJson!);
        var root = search.RootElement;
        Assert.Equal("evolution", root.GetProperty("strategy").GetString());
        Assert.Equal(6, root.GetProperty("evaluations").GetInt32());
        Assert.Equal(3, root.GetProperty("population").GetInt32());
        Assert.StartsWith("supernet of this run folder, seed 0 (spos, C=4 N=1, epoch 1;", root.GetProperty("scorer").GetString(), StringComparison.Ordinal);
        Assert.InRange(root.GetProperty("selection_rank").GetInt32(), 1, 4096);
        var trace = result.SearchTraceCsv!.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, trace.Length);
        Assert.EndsWith($",{root.GetProperty("best").GetProperty("arch").GetString()}", trace[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Experiment_WithItsOwnSubnetCount_ReportsProgressOutOfThatCount()
    {
        var submitted = await Client.SubmitAsync(new ExperimentSpec(Preset: "smoke", Epochs: 1, TrainImages: 128, Subnets: 4), "own-subnet-count");

        var final = await PlacementTests.FinalAsync(Client, "own-subnet-count");

        Assert.Equal(4, submitted.Subnets);
        Assert.Equal(ExperimentPhase.Completed, final.Phase);
        Assert.Equal((4, 4), (final.EvaluatedSubnets, final.Subnets));
    }

    [Fact]
    public async Task Experiment_RunThatFails_EndsFailedWithTheReason()
    {
        await Client.SubmitAsync(new ExperimentSpec(Preset: "smoke", GroundTruth: "cifar10_vaild"), "fails-at-start");

        var final = await PlacementTests.FinalAsync(Client, "fails-at-start");

        Assert.Equal(ExperimentPhase.Failed, final.Phase);
        Assert.Contains("no ground-truth column 'cifar10_vaild'", final.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter '", final.Message, StringComparison.Ordinal); // no C# parameter name the user never saw
        Assert.Null(await Client.GetResultAsync("fails-at-start"));
    }
}
