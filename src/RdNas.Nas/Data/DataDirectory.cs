namespace RdNas.Nas.Data;

/// <summary>
/// The folder that holds the real data sets (<c>cifar10/</c>, <c>nb201/</c>, <c>cvpr2022_track1/</c>): given on the
/// command line or by the <c>RDNAS_DATA</c> environment variable. Files are never copied into the repository.
/// </summary>
public sealed class DataDirectory
{
    /// <summary>The environment variable that names the data folder.</summary>
    public const string EnvironmentVariable = "RDNAS_DATA";

    /// <summary>Uses <paramref name="root"/>.</summary>
    public DataDirectory(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    /// <summary>The absolute data folder.</summary>
    public string Root { get; }

    /// <summary>The folder given explicitly, else <c>RDNAS_DATA</c>; an error saying how to set it if neither is.</summary>
    public static DataDirectory Resolve(string? explicitRoot)
    {
        var root = string.IsNullOrWhiteSpace(explicitRoot) ? Environment.GetEnvironmentVariable(EnvironmentVariable) : explicitRoot;
        if (string.IsNullOrWhiteSpace(root))
        {
            throw new DataNotFoundException(
                $"no data folder: pass --data DIR or set {EnvironmentVariable}. It must hold cifar10/ (the CIFAR-10 binary " +
                "version, data_batch_1.bin..data_batch_5.bin and test_batch.bin, from https://www.cs.toronto.edu/~kriz/cifar.html) " +
                "and nb201/nb201_all.csv (NAS-Bench-201 ground truth, see docs in the README)");
        }

        if (!Directory.Exists(root))
        {
            throw new DataNotFoundException($"data folder '{root}' ({EnvironmentVariable} or --data) does not exist");
        }

        return new DataDirectory(root);
    }

    /// <summary>The path of a file under the data folder; an error naming it and what it is if absent.</summary>
    public string RequireFile(string relativePath, string description)
    {
        var path = Path.Combine(Root, relativePath);
        if (!File.Exists(path))
        {
            throw new DataNotFoundException($"missing {relativePath} in the data folder {Root} ({EnvironmentVariable}): {description}");
        }

        return path;
    }

    /// <summary>The path of a file under the data folder, whether or not it exists.</summary>
    public string PathOf(string relativePath) => Path.Combine(Root, relativePath);
}
