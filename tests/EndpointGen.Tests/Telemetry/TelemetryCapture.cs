using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using Xunit;

namespace EndpointGen.Tests.Telemetry;

/// <summary>
/// Tests that listen to activities and instruments, so they run alone: a listener makes every call of the services it
/// hears record (and allocate), and another test's calls would be heard too.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "Telemetry";
}

/// <summary>One measurement of an instrument as a <see cref="MeterListener"/> heard it.</summary>
internal sealed record Measurement(string Meter, string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>
/// Everything the sources and meters whose names pass a filter record while it lives: every activity stopped, every
/// measurement of every instrument. <see cref="AllText"/> is every string in all of it, for the redaction tests.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measurement> _measurements = new();

    /// <param name="listensTo">Which sources and meters, by name, are heard.</param>
    public TelemetryCapture(Func<string, bool> listensTo)
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => listensTo(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (listensTo(instrument.Meter.Name))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>Listens to the sources and meters of the given names exactly.</summary>
    public static TelemetryCapture Of(params string[] names) => new(name => names.Contains(name, StringComparer.Ordinal));

    /// <summary>The activities stopped so far, in the order they stopped.</summary>
    public IReadOnlyList<Activity> Activities => _stopped.ToArray();

    /// <summary>The measurements so far, in order.</summary>
    public IReadOnlyList<Measurement> Measurements => _measurements.ToArray();

    /// <summary>The measurements of one instrument.</summary>
    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToArray();

    /// <summary>
    /// Every string any captured activity or measurement holds: names, tags (keys and values), events and their tags,
    /// links, baggage, status descriptions and trace state.
    /// </summary>
    public IEnumerable<string> AllText()
    {
        foreach (var activity in Activities)
        {
            foreach (var text in TextOf(activity))
            {
                yield return text;
            }
        }

        foreach (var measurement in Measurements)
        {
            yield return measurement.Meter;
            yield return measurement.Instrument;
            foreach (var tag in measurement.Tags)
            {
                yield return tag.Key;
                yield return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }
    }

    /// <summary>Every string of one activity, as <see cref="AllText"/> counts them.</summary>
    public static IEnumerable<string> TextOf(Activity activity)
    {
        yield return activity.OperationName;
        yield return activity.DisplayName;
        yield return activity.Source.Name;
        yield return activity.StatusDescription ?? string.Empty;
        yield return activity.TraceStateString ?? string.Empty;
        foreach (var tag in activity.TagObjects)
        {
            yield return tag.Key;
            yield return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }

        foreach (var item in activity.Baggage)
        {
            yield return item.Key;
            yield return item.Value ?? string.Empty;
        }

        foreach (var activityEvent in activity.Events)
        {
            yield return activityEvent.Name;
            foreach (var tag in activityEvent.Tags)
            {
                yield return tag.Key;
                yield return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }

        foreach (var link in activity.Links)
        {
            foreach (var tag in link.Tags ?? Enumerable.Empty<KeyValuePair<string, object?>>())
            {
                yield return tag.Key;
                yield return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
            }
        }
    }

    /// <summary>An activity's tags as a dictionary, for exact comparison.</summary>
    public static IReadOnlyDictionary<string, object?> Tags(Activity activity) => activity.TagObjects.ToDictionary(t => t.Key, t => t.Value);

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        _measurements.Enqueue(new Measurement(instrument.Meter.Name, instrument.Name, instrument.Unit, value, copy));
    }
}

/// <summary>Assertions on captured telemetry.</summary>
internal static class TelemetryAssert
{
    /// <summary>Fails naming the first secret found in any captured string.</summary>
    public static void ContainsNone(IEnumerable<string> texts, IEnumerable<string> secrets)
    {
        var all = texts.ToList();
        Assert.NotEmpty(all);
        foreach (var secret in secrets)
        {
            var found = all.FirstOrDefault(text => text.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(found is null, $"'{secret}' was recorded: {found}");
        }
    }
}
