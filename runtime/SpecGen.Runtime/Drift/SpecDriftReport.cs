using System;
using System.Collections.Generic;

namespace SpecGen;

/// <summary>
/// The in-memory report of the drift check: thread-safe, bounded to <see cref="Capacity"/> entries
/// (one per service, interface, JSON path and kind), so that a server that drifts in endless ways
/// (a map sent where the spec has an object, say) cannot grow it without end.
/// </summary>
public sealed class SpecDriftReport : ISpecDriftReport
{
    /// <summary>The default of <see cref="Capacity"/>: 256 entries.</summary>
    public const int DefaultCapacity = 256;

    private readonly object _gate = new();
    private readonly Dictionary<Key, Entry> _entries = new();
    private readonly List<Entry> _order = new();
    private readonly TimeProvider _time;
    private long _dropped;

    /// <summary>Creates a report of <see cref="DefaultCapacity"/> entries.</summary>
    public SpecDriftReport()
        : this(DefaultCapacity, null)
    {
    }

    /// <summary>Creates a report.</summary>
    /// <param name="capacity">The most entries it keeps; at least 1.</param>
    /// <param name="timeProvider">The clock of <see cref="SpecDrift.FirstSeen"/> and <see cref="SpecDrift.LastSeen"/>; <see cref="TimeProvider.System"/> when null.</param>
    public SpecDriftReport(int capacity, TimeProvider? timeProvider = null)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A drift report holds at least one entry.");
        }

        Capacity = capacity;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The most entries the report keeps.</summary>
    public int Capacity { get; }

    /// <inheritdoc/>
    public IReadOnlyList<SpecDrift> Entries
    {
        get
        {
            lock (_gate)
            {
                var entries = new SpecDrift[_order.Count];
                for (int i = 0; i < entries.Length; i++)
                {
                    entries[i] = _order[i].ToDrift();
                }

                return entries;
            }
        }
    }

    /// <inheritdoc/>
    public bool HasDrift
    {
        get
        {
            lock (_gate)
            {
                return _order.Count > 0 || _dropped > 0;
            }
        }
    }

    /// <inheritdoc/>
    public long Dropped
    {
        get
        {
            lock (_gate)
            {
                return _dropped;
            }
        }
    }

    /// <inheritdoc/>
    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
            _order.Clear();
            _dropped = 0;
        }
    }

    /// <summary>Counts one finding.</summary>
    /// <returns>
    /// <see cref="RecordResult.New"/> for a first finding of its kind at its path, <see cref="RecordResult.Again"/>
    /// for a repeat, <see cref="RecordResult.Dropped"/> when the report is full.
    /// </returns>
    internal RecordResult Record(string? service, string interfaceName, SpecDriftFinding finding)
    {
        DateTimeOffset now = _time.GetUtcNow();
        var key = new Key(service, interfaceName, finding.Path, finding.Kind);
        lock (_gate)
        {
            if (_entries.TryGetValue(key, out Entry? entry))
            {
                entry.Count++;
                entry.LastSeen = now;
                entry.Seen = finding.Seen;
                return RecordResult.Again;
            }

            if (_order.Count >= Capacity)
            {
                _dropped++;
                return RecordResult.Dropped;
            }

            entry = new Entry(key, finding.Expected, finding.Seen, now);
            _entries.Add(key, entry);
            _order.Add(entry);
            return RecordResult.New;
        }
    }

    internal enum RecordResult
    {
        New,
        Again,
        Dropped,
    }

    private readonly struct Key : IEquatable<Key>
    {
        public Key(string? service, string interfaceName, string path, SpecDriftKind kind)
        {
            Service = service;
            InterfaceName = interfaceName;
            Path = path;
            Kind = kind;
        }

        public string? Service { get; }

        public string InterfaceName { get; }

        public string Path { get; }

        public SpecDriftKind Kind { get; }

        public bool Equals(Key other)
            => Kind == other.Kind
            && string.Equals(Service, other.Service, StringComparison.Ordinal)
            && string.Equals(InterfaceName, other.InterfaceName, StringComparison.Ordinal)
            && string.Equals(Path, other.Path, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode()
        {
            unchecked
            {
                int hash = (int)Kind;
                hash = (hash * 397) ^ (Service is null ? 0 : StringComparer.Ordinal.GetHashCode(Service));
                hash = (hash * 397) ^ StringComparer.Ordinal.GetHashCode(InterfaceName);
                return (hash * 397) ^ StringComparer.Ordinal.GetHashCode(Path);
            }
        }
    }

    private sealed class Entry
    {
        public Entry(Key key, string expected, string? seen, DateTimeOffset now)
        {
            Key = key;
            Expected = expected;
            Seen = seen;
            Count = 1;
            FirstSeen = now;
            LastSeen = now;
        }

        public Key Key { get; }

        public string Expected { get; }

        public string? Seen { get; set; }

        public long Count { get; set; }

        public DateTimeOffset FirstSeen { get; }

        public DateTimeOffset LastSeen { get; set; }

        public SpecDrift ToDrift() => new(Key.Service, Key.InterfaceName, Key.Path, Key.Kind, Expected, Seen, Count, FirstSeen, LastSeen);
    }
}
