namespace RdNas.Nas.Randomness;

/// <summary>The named streams drawn from one run seed, so that adding draws to one never shifts another.</summary>
public static class RandomStreams
{
    /// <summary>The train/valid split of the CIFAR-10 train images.</summary>
    public const ulong DataSplit = 1;

    /// <summary>Batch order and augmentation during training.</summary>
    public const ulong TrainData = 2;

    /// <summary>Subnets sampled during training.</summary>
    public const ulong TrainSubnets = 3;

    /// <summary>The subnets drawn for ranking evaluation.</summary>
    public const ulong EvaluationSubnets = 4;

    /// <summary>Batches used for BN recalibration during evaluation.</summary>
    public const ulong Recalibration = 5;

    /// <summary>The batch data-dependent zero-cost proxies score on.</summary>
    public const ulong ProxyBatch = 6;

    /// <summary>Resamples of evaluated subnets for bootstrap confidence intervals.</summary>
    public const ulong Bootstrap = 7;

    /// <summary>The cells an architecture search proposes (initial population, tournaments, mutations).</summary>
    public const ulong Search = 8;

    /// <summary>The supernet head's dropout masks during training.</summary>
    public const ulong HeadDropout = 9;

    /// <summary>The train batches each evaluated subnet is fine-tuned on before it is scored.</summary>
    public const ulong FineTuning = 10;
}
