using CommonThread.Web.Accountability;

namespace CommonThread.Tests.Accountability;

/// <summary>
/// The release rule played against random histories of a round — answers arriving, releases,
/// the initiative trying to raise or lower the threshold, comments redacted — watching every figure
/// the brand could read at any moment.
/// </summary>
public sealed class FeedbackBatchSpecs
{
    private static readonly string[] Areas = ["overall", "sourcing", "payment", "planning"];

    [Fact]
    public void No_two_figures_a_brand_can_see_for_an_area_differ_by_fewer_answers_than_the_threshold_whatever_the_history()
    {
        var random = new Random(15);
        var figuresSeen = 0;
        for (var history = 0; history < 400; history++)
        {
            var threshold = random.Next(MonitoringRound.LowestThreshold, 8);
            var answers = Areas.ToDictionary(a => a, _ => new List<double>());
            var stored = new Dictionary<string, FeedbackFigure?>();
            // Every figure the brand could read, with the threshold in force when it first could.
            var seen = Areas.ToDictionary(a => a, _ => new List<(FeedbackFigure Figure, int Threshold)>());
            var log = new List<string>();
            for (var step = 0; step < 60; step++)
            {
                switch (random.Next(10))
                {
                    case < 5:
                        var score = random.Next(0, 101);
                        answers["overall"].Add(score);
                        foreach (var area in Areas.Skip(1).Where(_ => random.Next(3) > 0))
                        {
                            answers[area].Add(score);
                        }

                        log.Add("answer");
                        break;
                    case < 8:
                        foreach (var area in Areas.Where(a => answers[a].Count > 0))
                        {
                            stored[area] = FeedbackBatch.Next(stored.GetValueOrDefault(area), new(answers[area].Count, answers[area].Average()), threshold);
                        }

                        log.Add("release");
                        break;
                    case 8:
                        var proposed = threshold + random.Next(-3, 4);
                        threshold = RoundThreshold.MayChange(threshold, proposed) ? proposed : threshold;
                        log.Add($"threshold {proposed} -> {threshold}");
                        break;
                    default:
                        log.Add("redaction"); // changes a comment's text, never a figure
                        break;
                }

                foreach (var area in Areas)
                {
                    if (stored.GetValueOrDefault(area) is { } figure && figure.Count >= threshold && !seen[area].Any(s => s.Figure == figure))
                    {
                        seen[area].Add((figure, threshold));
                        figuresSeen++;
                    }
                }

                foreach (var (area, figures) in seen)
                {
                    foreach (var (a, b) in figures.SelectMany(a => figures.Where(b => b.Figure.Count > a.Figure.Count).Select(b => (a, b))))
                    {
                        Assert.True(b.Figure.Count - a.Figure.Count >= Math.Max(a.Threshold, b.Threshold),
                            $"history {history}, {area}: the brand saw {a.Figure.Count} answers (threshold {a.Threshold}) and {b.Figure.Count} (threshold {b.Threshold}) after {string.Join(", ", log)}");
                    }
                }
            }
        }

        Assert.True(figuresSeen > 400, $"only {figuresSeen} figures were ever shown");
    }

    [Fact]
    public void The_threshold_never_goes_down_nor_below_three()
    {
        Assert.True(RoundThreshold.MayChange(5, 7));
        Assert.False(RoundThreshold.MayChange(5, 4));
        Assert.False(RoundThreshold.MayChange(2, 2));
    }
}
