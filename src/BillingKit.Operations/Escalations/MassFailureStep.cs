using NodaTime;

namespace BillingKit.Operations;

/// <summary>The detector's next state and what to do: raise (an episode began) or note its end.</summary>
/// <param name="EpisodeSince">When the current episode began; <see langword="null"/> when there is none.</param>
/// <param name="Raise">Whether an episode began now and must be raised.</param>
/// <param name="Ended">Whether an episode ended now.</param>
internal readonly record struct MassFailureStep(Instant? EpisodeSince, bool Raise, bool Ended);
