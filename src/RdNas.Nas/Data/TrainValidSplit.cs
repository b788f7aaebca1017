using RdNas.Nas.Randomness;

namespace RdNas.Nas.Data;

/// <summary>
/// NAS-Bench-201's split of the CIFAR-10 train images into a train half and a valid half (25,000/25,000 of the full
/// set; with fewer batch files, the images present are halved the same way). Seeded, so a run records its split.
/// </summary>
public sealed record TrainValidSplit(int[] Train, int[] Valid, long Seed)
{
    /// <summary>A seeded random halving of <paramref name="imageCount"/> images (odd counts give train the extra one).</summary>
    public static TrainValidSplit Create(int imageCount, long seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(imageCount, 2);
        var order = Enumerable.Range(0, imageCount).ToArray();
        new SeededGenerator(seed, RandomStreams.DataSplit).Shuffle<int>(order);
        var trainCount = (imageCount + 1) / 2;
        return new TrainValidSplit(order[..trainCount], order[trainCount..], seed);
    }

    /// <summary>The train-half indices in a seeded order drawn from <paramref name="stream"/> of <paramref name="seed"/>.</summary>
    public int[] ShuffledTrain(long seed, ulong stream)
    {
        var order = (int[])Train.Clone();
        new SeededGenerator(seed, stream).Shuffle<int>(order);
        return order;
    }

    /// <summary>
    /// <paramref name="count"/> fixed batches of <paramref name="size"/> train images (fewer when the half is smaller),
    /// consecutive in the seeded order of <see cref="ShuffledTrain"/>, wrapping around when they need more images than
    /// there are.
    /// </summary>
    public int[][] TrainBatches(ulong stream, int count, int size)
    {
        var pool = ShuffledTrain(Seed, stream);
        var perBatch = Math.Min(size, pool.Length);
        return [.. Enumerable.Range(0, count).Select(b => Enumerable.Range(0, perBatch).Select(i => pool[((b * perBatch) + i) % pool.Length]).ToArray())];
    }
}
