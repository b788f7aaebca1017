namespace RdNas.Client;

/// <summary>
/// Where a cluster is, as <c>--cluster</c> spells it: <c>localhost[:GATEWAY_PORT]</c> for silos on this machine with
/// localhost clustering, or <c>azure:CLUSTER_ID@CONNECTION_STRING</c> for silos whose membership is in Azure Table
/// storage (Azurite: <c>azure:rdnas@UseDevelopmentStorage=true</c>).
/// </summary>
/// <param name="GatewayPort">Localhost clustering: the gateway port.</param>
/// <param name="ClusterId">Azure clustering: the cluster id.</param>
/// <param name="StorageConnectionString">Azure clustering: the storage connection string.</param>
public sealed record ClusterConnection(int? GatewayPort, string? ClusterId, string? StorageConnectionString)
{
    /// <summary>The connection as <c>--cluster</c> spells it, without the storage key.</summary>
    public override string ToString() => IsAzure ? $"azure:{ClusterId}@…" : $"localhost:{GatewayPort}";

    /// <summary>The default gateway port of a localhost silo.</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>The cluster (and service) id of localhost clustering, as the silo host defaults it.</summary>
    public const string LocalhostClusterId = "rdnas";

    private const string AzurePrefix = "azure:";

    /// <summary>Whether membership is read from Azure Table storage.</summary>
    public bool IsAzure => StorageConnectionString is not null;

    /// <summary>Parses a <c>--cluster</c> value; the error says which forms are allowed.</summary>
    public static ClusterConnection Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        value = value.Trim();
        if (value.StartsWith(AzurePrefix, StringComparison.OrdinalIgnoreCase))
        {
            var rest = value[AzurePrefix.Length..];
            var at = rest.IndexOf('@', StringComparison.Ordinal);
            if (at <= 0 || at == rest.Length - 1)
            {
                throw new FormatException($"--cluster '{value}': expected azure:CLUSTER_ID@CONNECTION_STRING");
            }

            return new ClusterConnection(null, rest[..at], rest[(at + 1)..]);
        }

        if (value.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new ClusterConnection(DefaultGatewayPort, null, null);
        }

        if (value.StartsWith("localhost:", StringComparison.OrdinalIgnoreCase)
            && int.TryParse(value["localhost:".Length..], System.Globalization.CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536)
        {
            return new ClusterConnection(port, null, null);
        }

        throw new FormatException($"--cluster '{value}': expected localhost[:GATEWAY_PORT] or azure:CLUSTER_ID@CONNECTION_STRING");
    }
}
