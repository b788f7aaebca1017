using RdNas.Grains.Scheduling;

namespace RdNas.Grains.Tests;

/// <summary>Who trains where: slots in submission order, held until released or the silo goes, stale waiters dropped.</summary>
public sealed class TrainingSlotLedgerTests
{
    private static readonly DateTimeOffset s_t0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_staleAfter = TimeSpan.FromSeconds(30);
    private static readonly Dictionary<string, int> s_oneSilo = new() { ["gpu-a"] = 1 };

    private static DateTimeOffset At(int seconds) => s_t0.AddSeconds(seconds);

    [Fact]
    public void Request_FreeSlot_GrantedAndStored()
    {
        var leases = new Dictionary<string, SlotLease>();
        var ledger = new TrainingSlotLedger(leases, s_staleAfter);

        var decision = ledger.Request("a", At(0), s_oneSilo, At(1), out var changed);

        Assert.Equal(new SlotDecision("gpu-a", 1, 1, 0), decision);
        Assert.True(changed);
        Assert.Equal(new SlotLease("gpu-a", At(0), At(1)), leases["a"]);
    }

    [Fact]
    public void Request_HolderAsksAgain_SameSiloNothingToStore()
    {
        var ledger = new TrainingSlotLedger(new Dictionary<string, SlotLease>(), s_staleAfter);
        ledger.Request("a", At(0), s_oneSilo, At(1), out _);

        var again = ledger.Request("a", At(0), s_oneSilo, At(5), out var changed);

        Assert.Equal("gpu-a", again.Silo);
        Assert.False(changed);
    }

    [Fact]
    public void Request_AllSlotsTaken_WaitsSayingHowBusy()
    {
        var ledger = new TrainingSlotLedger(new Dictionary<string, SlotLease>(), s_staleAfter);
        ledger.Request("a", At(0), s_oneSilo, At(1), out _);

        var waiting = ledger.Request("b", At(2), s_oneSilo, At(3), out var changed);

        Assert.False(waiting.Granted);
        Assert.False(changed);
        Assert.Equal("waiting for a training slot: 1 of 1 in use; next in the queue", waiting.WaitingReason());
        Assert.Equal(1, ledger.Waiting);
    }

    [Fact]
    public void Request_SlotFreed_GoesToTheEarliestSubmittedNotTheFirstToAsk()
    {
        var ledger = new TrainingSlotLedger(new Dictionary<string, SlotLease>(), s_staleAfter);
        ledger.Request("a", At(0), s_oneSilo, At(1), out _);
        ledger.Request("c", At(3), s_oneSilo, At(4), out _);
        ledger.Request("b", At(2), s_oneSilo, At(5), out _);

        Assert.True(ledger.Release("a"));
        var c = ledger.Request("c", At(3), s_oneSilo, At(6), out _);
        var b = ledger.Request("b", At(2), s_oneSilo, At(7), out _);

        Assert.False(c.Granted);
        Assert.Equal("waiting for a training slot: 0 of 1 in use; 1 experiment ahead in the queue", c.WaitingReason());
        Assert.Equal("gpu-a", b.Silo);
    }

    [Fact]
    public void Request_SameSubmissionTime_OrderedById()
    {
        var ledger = new TrainingSlotLedger(new Dictionary<string, SlotLease>(), s_staleAfter);
        ledger.Request("x", At(0), s_oneSilo, At(1), out _);
        ledger.Request("q", At(5), s_oneSilo, At(2), out _);
        ledger.Request("p", At(5), s_oneSilo, At(3), out _);
        ledger.Release("x");

        Assert.False(ledger.Request("q", At(5), s_oneSilo, At(4), out _).Granted);
        Assert.True(ledger.Request("p", At(5), s_oneSilo, At(4), out _).Granted);
    }

    [Fact]
    public void Request_WaiterUnheardOfTooLong_LeavesTheQueue()
    {
        var ledger = new TrainingSlotLedger(new Dictionary<string, SlotLease>(), s_staleAfter);
        ledger.Request("a", At(0), s_oneSilo, At(1), out _);
        ledger.Request("b", At(2), s_oneSilo, At(3), out _); // then b is cancelled and never asks again
        ledger.Request("c", At(4), s_oneSilo, At(5), out _);
        ledger.Release("a");

        var early = ledger.Request("c", At(4), s_oneSilo, At(3 + 30), out _);
        var late = ledger.Request("c", At(4), s_oneSilo, At(3 + 31), out _);

        Assert.False(early.Granted);
        Assert.Equal("gpu-a", late.Silo);
    }

    [Fact]
    public void Request_SeveralSilos_TheOneWithMostFreeSlotsFirst()
    {
        var slots = new Dictionary<string, int> { ["gpu-a"] = 1, ["gpu-b"] = 2 };
        var ledger = new TrainingSlotLedger(new Dictionary<string, SlotLease>(), s_staleAfter);

        var silos = new[] { "a", "b", "c", "d" }.Select((id, i) => ledger.Request(id, At(i), slots, At(10), out _).Silo).ToList();

        Assert.Equal(["gpu-b", "gpu-a", "gpu-b", null], silos);
    }

    [Fact]
    public void Request_HoldersSiloGone_LeaseDroppedAndItQueuesFirstAtItsSubmissionTime()
    {
        var leases = new Dictionary<string, SlotLease>();
        var ledger = new TrainingSlotLedger(leases, s_staleAfter);
        var both = new Dictionary<string, int> { ["gpu-a"] = 1, ["gpu-b"] = 1 };
        ledger.Request("a", At(0), both, At(1), out _); // on gpu-a (ties go by name)
        ledger.Request("b", At(1), both, At(2), out _); // on gpu-b
        ledger.Request("c", At(2), both, At(3), out _); // waits
        var onlyB = new Dictionary<string, int> { ["gpu-b"] = 1 };

        var c = ledger.Request("c", At(2), onlyB, At(4), out var changed); // gpu-a is lost
        var aHeldAfterLoss = leases.ContainsKey("a");
        ledger.Release("b");
        var cAgain = ledger.Request("c", At(2), onlyB, At(5), out _);
        var a = ledger.Request("a", At(0), onlyB, At(6), out _);

        Assert.True(changed);
        Assert.False(aHeldAfterLoss);
        Assert.Equal("waiting for a training slot: 1 of 1 in use; 1 experiment ahead in the queue", c.WaitingReason());
        Assert.False(cAgain.Granted);
        Assert.Equal("gpu-b", a.Silo);
    }

    [Fact]
    public void Release_WaiterOrUnknown_NoLeaseChanged()
    {
        var ledger = new TrainingSlotLedger(new Dictionary<string, SlotLease>(), s_staleAfter);
        ledger.Request("a", At(0), s_oneSilo, At(1), out _);
        ledger.Request("b", At(1), s_oneSilo, At(2), out _);

        Assert.False(ledger.Release("b"));
        Assert.False(ledger.Release("nobody"));
        Assert.Equal(0, ledger.Waiting);
        Assert.True(ledger.Release("a"));
    }

    [Fact]
    public void Request_NoTrainingSilo_WaitsWithNoSlots()
    {
        var ledger = new TrainingSlotLedger(new Dictionary<string, SlotLease>(), s_staleAfter);

        var decision = ledger.Request("a", At(0), new Dictionary<string, int>(), At(1), out _);

        Assert.Equal("waiting for a training slot: 0 of 0 in use; next in the queue", decision.WaitingReason());
    }
}
