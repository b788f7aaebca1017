using System.Collections.Concurrent;
using RdNas.Nas.Supernets.Nb201;
using static TorchSharp.torch;

namespace RdNas.Nas.Proxies;

/// <summary>
/// Proxy networks at their seeded initial state, reused from cell to cell. TorchSharp 0.107 keeps native memory for
/// every network it constructs and disposes (about 190 KB per benchmark network, given back neither by a garbage
/// collection nor by malloc_trim; <c>RdNas.Bench proxy-memory network</c>), so building a fresh network for each of a
/// teacher's 4,096 cells grew a run by a gigabyte. A supernet's initial weights do not depend on the cell it will
/// run, so a network handed back is restored to the snapshot taken when it was first built (parameters and buffers
/// copied, gradients cleared, training mode) and lent again: bit-identical to building it anew.
/// </summary>
public sealed class InitialNetworkPool
{
    private readonly ConcurrentDictionary<Key, Shelf> _shelves = new();
    private readonly ConcurrentDictionary<Nb201Supernet, Shelf> _lent = new(ReferenceEqualityComparer.Instance);
    private readonly int _idlePerKind;

    /// <summary>A pool that keeps up to <paramref name="idlePerKind"/> idle networks of each shape, seed and precision.</summary>
    public InitialNetworkPool(int idlePerKind)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(idlePerKind);
        _idlePerKind = idlePerKind;
    }

    /// <summary>The process's pool: a few idle networks per kind (one per concurrent proxy worker is what scoring uses).</summary>
    public static InitialNetworkPool Shared { get; } = new(idlePerKind: 4);

    /// <summary>Idle networks held, over all kinds.</summary>
    public int IdleCount => _shelves.Values.Sum(s => s.Idle.Count);

    /// <summary>A network of <paramref name="shape"/> at its initial state for <paramref name="seed"/>, in <paramref name="dtype"/>; hand it back with <see cref="Return"/>.</summary>
    public Nb201Supernet Rent(Nb201SupernetOptions shape, long seed, ScalarType dtype)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var shelf = _shelves.GetOrAdd(new Key(shape, seed, dtype), key => new Shelf(key));
        var network = shelf.Idle.TryTake(out var idle) ? idle : shelf.Build();
        _lent[network] = shelf;
        return network;
    }

    /// <summary>Takes back a network lent by <see cref="Rent"/>: restored and kept idle, or disposed when enough are idle.</summary>
    public void Return(Nb201Supernet network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!_lent.TryRemove(network, out var shelf))
        {
            throw new InvalidOperationException("the network was not lent by this pool (or was returned twice)");
        }

        if (shelf.Idle.Count >= _idlePerKind)
        {
            network.Dispose();
            return;
        }

        shelf.Restore(network);
        shelf.Idle.Add(network);
    }

    private sealed record Key(Nb201SupernetOptions Shape, long Seed, ScalarType Dtype);

    // One kind of network: its idle copies and the initial state they are restored to (taken from the first one built,
    // so it costs one copy of the weights per kind, not per network).
    private sealed class Shelf(Key key)
    {
        private readonly Lock _snapshotLock = new();
        private Dictionary<string, Tensor>? _parameters;
        private Dictionary<string, Tensor>? _buffers;

        public ConcurrentBag<Nb201Supernet> Idle { get; } = [];

        public Nb201Supernet Build()
        {
            var network = Nb201NetworkFactory.Create(key.Shape, key.Seed, key.Dtype);
            lock (_snapshotLock)
            {
                if (_parameters is null)
                {
                    using var noGrad = no_grad();
                    _buffers = Snapshot(network.named_buffers());
                    _parameters = Snapshot(network.named_parameters());
                }
            }

            return network;
        }

        public void Restore(Nb201Supernet network)
        {
            using var noGrad = no_grad();
            network.zero_grad(set_to_none: true);
            CopyInto(network.named_parameters(), _parameters!);
            CopyInto(network.named_buffers(), _buffers!);
            network.train();
        }

        private static Dictionary<string, Tensor> Snapshot<T>(IEnumerable<(string Name, T Tensor)> tensors)
            where T : Tensor =>
            tensors.ToDictionary(t => t.Name, t => t.Tensor.detach().clone().DetachFromDisposeScope());

        private static void CopyInto<T>(IEnumerable<(string Name, T Tensor)> targets, Dictionary<string, Tensor> initial)
            where T : Tensor
        {
            foreach (var (name, target) in targets)
            {
                target.copy_(initial.TryGetValue(name, out var value) ? value : throw new InvalidOperationException($"'{name}' appeared after the network was built"));
            }
        }
    }
}
