namespace RdNas.Nas.Devices;

/// <summary>A device setting this process cannot honour (no CUDA, too few devices); the message says why and what to change.</summary>
public sealed class DeviceUnavailableException(string message) : InvalidOperationException(message);
