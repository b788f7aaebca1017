namespace RdNas.Grains.Scheduling;

/// <summary>
/// Who trains where: each training silo declares how many runs it takes at once, and experiments get those slots in
/// the order they were submitted (ties by id). An experiment keeps its slot until it is released or its silo leaves
/// the training silos (a lost silo's experiments queue again, at their submission time, so they go first). Waiting
/// experiments ask again every watchdog tick; one not heard from for <c>staleAfter</c> leaves the queue, so a
/// cancelled or vanished experiment never blocks the ones behind it.
/// </summary>
public sealed class TrainingSlotLedger(IDictionary<string, SlotLease> leases, TimeSpan staleAfter)
{
    private readonly Dictionary<string, (DateTimeOffset SubmittedUtc, DateTimeOffset SeenUtc)> _waiting = new(StringComparer.Ordinal);

    /// <summary>
    /// Grants <paramref name="experimentId"/> a slot on one of the silos in <paramref name="slots"/> (the training silos
    /// now, with their slot counts) if it holds one or is first in line and one is free; the silo with the most free
    /// slots takes it. <paramref name="leasesChanged"/> says whether the leases must be stored again.
    /// </summary>
    public SlotDecision Request(string experimentId, DateTimeOffset submittedUtc, IReadOnlyDictionary<string, int> slots, DateTimeOffset now, out bool leasesChanged)
    {
        ArgumentNullException.ThrowIfNull(experimentId);
        ArgumentNullException.ThrowIfNull(slots);
        leasesChanged = DropLeasesOutside(slots, now);
        var inUse = leases.Count;
        var total = slots.Values.Sum();
        if (leases.TryGetValue(experimentId, out var held))
        {
            _waiting.Remove(experimentId);
            return new SlotDecision(held.Silo, inUse, total, 0);
        }

        _waiting[experimentId] = (submittedUtc, now);
        foreach (var stale in _waiting.Where(w => now - w.Value.SeenUtc > staleAfter).Select(w => w.Key).ToList())
        {
            _waiting.Remove(stale);
        }

        var ahead = _waiting.Count(w => InLineBefore(w.Key, w.Value.SubmittedUtc, experimentId, submittedUtc));
        var free = slots
            .Select(s => (Silo: s.Key, Free: s.Value - leases.Values.Count(l => l.Silo == s.Key)))
            .Where(s => s.Free > 0)
            .OrderByDescending(s => s.Free).ThenBy(s => s.Silo, StringComparer.Ordinal)
            .FirstOrDefault();
        if (ahead > 0 || free.Silo is null)
        {
            return new SlotDecision(null, inUse, total, ahead);
        }

        _waiting.Remove(experimentId);
        leases[experimentId] = new SlotLease(free.Silo, submittedUtc, now);
        leasesChanged = true;
        return new SlotDecision(free.Silo, inUse + 1, total, 0);
    }

    /// <summary>Gives up <paramref name="experimentId"/>'s slot and place in the queue; true if it held a slot.</summary>
    public bool Release(string experimentId)
    {
        ArgumentNullException.ThrowIfNull(experimentId);
        _waiting.Remove(experimentId);
        return leases.Remove(experimentId);
    }

    /// <summary>How many experiments wait for a slot now.</summary>
    public int Waiting => _waiting.Count;

    private bool DropLeasesOutside(IReadOnlyDictionary<string, int> slots, DateTimeOffset now)
    {
        var gone = leases.Where(l => !slots.ContainsKey(l.Value.Silo)).ToList();
        foreach (var (id, lease) in gone)
        {
            leases.Remove(id);
            // Back in line at its submission time: it was running, so it goes before everything submitted later.
            _waiting[id] = (lease.SubmittedUtc, now);
        }

        return gone.Count > 0;
    }

    private static bool InLineBefore(string id, DateTimeOffset submittedUtc, string otherId, DateTimeOffset otherSubmittedUtc) =>
        submittedUtc < otherSubmittedUtc || (submittedUtc == otherSubmittedUtc && string.CompareOrdinal(id, otherId) < 0);
}
