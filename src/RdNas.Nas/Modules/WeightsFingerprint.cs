using System.Security.Cryptography;
using System.Text;
using static TorchSharp.torch;

namespace RdNas.Nas.Modules;

/// <summary>
/// A SHA-256 digest of a module's parameters (each one's name, element type, shape and values). Two supernets with
/// the same fingerprint score every subnet alike — an evaluation resets and re-estimates the batch norms' running
/// statistics, so those buffers are left out — which is what lets a resumed evaluation reuse scores journaled by an
/// earlier attempt on the same weights.
/// </summary>
public static class WeightsFingerprint
{
    /// <summary>The fingerprint of <paramref name="module"/>'s parameters as lowercase hex (their values copied to the CPU).</summary>
    public static string Of(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, parameter) in module.named_parameters())
        {
            using var scope = NewDisposeScope();
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}:{parameter.dtype}:{string.Join('x', parameter.shape)};"));
            hash.AppendData(parameter.detach().cpu().contiguous().bytes);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
