namespace RdNas.Grains.Hosting;

/// <summary>The names of the storage providers the grains use; the silo host registers them (Azure Table or memory).</summary>
public static class GrainStorage
{
    /// <summary>Grain state: experiments, the catalog, architectures.</summary>
    public const string Name = "rdnas";
}
