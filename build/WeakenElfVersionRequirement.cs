// Marks named symbol-version requirements of ELF shared libraries as weak (VER_FLG_WEAK).
//
// libLibTorchSharp.so in TorchSharp 0.107.0 was linked against a libstdc++ that has GLIBCXX_3.4.32, but the
// only symbol it takes from that version is `std::ios_base_library_init`, a link-time marker with no
// relocation. Debian 12's libstdc++ stops at 3.4.30, so the loader refuses the library although nothing in it
// would call the missing symbol. glibc's loader only warns about a missing *weak* version requirement, so
// flipping that one flag in the file the build places in the output folder lets the library load. The NuGet
// cache is never touched: the build links package files from the cache (Directory.Build.props), so the patched
// bytes go to a new file that replaces the output's link or copy, never written through it.
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class WeakenElfVersionRequirement : Task
{
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlagWeak = 0x2;

    /// <summary>The shared libraries to patch in place.</summary>
    [Required]
    public ITaskItem[] Libraries { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>Version names (such as GLIBCXX_3.4.32) whose requirement becomes weak.</summary>
    [Required]
    public string[] Versions { get; set; } = Array.Empty<string>();

    public override bool Execute()
    {
        var wanted = new HashSet<string>(Versions, StringComparer.Ordinal);
        foreach (var item in Libraries)
        {
            var path = item.ItemSpec;
            var bytes = File.ReadAllBytes(path);
            var weakened = Weaken(bytes, wanted, path);
            if (weakened.Count == 0)
            {
                continue;
            }

            var temporary = path + ".weakening";
            File.WriteAllBytes(temporary, bytes);
            File.Delete(path);
            File.Move(temporary, path);
            Log.LogMessage(MessageImportance.Normal, "{0}: version requirement {1} marked weak", path, string.Join(", ", weakened));
        }

        return !Log.HasLoggedErrors;
    }

    private List<string> Weaken(byte[] elf, HashSet<string> wanted, string path)
    {
        var changed = new List<string>();
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            Log.LogError("{0}: not a 64-bit little-endian ELF file", path);
            return changed;
        }

        var sectionTable = (long)BitConverter.ToUInt64(elf, 0x28);
        int sectionSize = BitConverter.ToUInt16(elf, 0x3A);
        int sectionCount = BitConverter.ToUInt16(elf, 0x3C);
        for (var s = 0; s < sectionCount; s++)
        {
            var header = sectionTable + (s * sectionSize);
            if (BitConverter.ToUInt32(elf, (int)header + 4) != ShtGnuVerneed)
            {
                continue;
            }

            var offset = (long)BitConverter.ToUInt64(elf, (int)header + 0x18);
            var link = BitConverter.ToUInt32(elf, (int)header + 0x28);
            var needCount = BitConverter.ToUInt32(elf, (int)header + 0x2C);
            var strings = (long)BitConverter.ToUInt64(elf, (int)(sectionTable + (link * sectionSize) + 0x18));
            var need = offset;
            for (var n = 0; n < needCount; n++)
            {
                int auxCount = BitConverter.ToUInt16(elf, (int)need + 2);
                var aux = need + BitConverter.ToUInt32(elf, (int)need + 8);
                for (var a = 0; a < auxCount; a++)
                {
                    var name = ReadString(elf, strings + BitConverter.ToUInt32(elf, (int)aux + 8));
                    var flags = BitConverter.ToUInt16(elf, (int)aux + 4);
                    if (wanted.Contains(name) && (flags & VerFlagWeak) == 0)
                    {
                        var weak = BitConverter.GetBytes((ushort)(flags | VerFlagWeak));
                        elf[aux + 4] = weak[0];
                        elf[aux + 5] = weak[1];
                        changed.Add(name);
                    }

                    aux += BitConverter.ToUInt32(elf, (int)aux + 12);
                }

                need += BitConverter.ToUInt32(elf, (int)need + 12);
            }
        }

        return changed;
    }

    private static string ReadString(byte[] elf, long start)
    {
        var end = start;
        while (elf[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(elf, (int)start, (int)(end - start));
    }
}
