using System.Diagnostics;

namespace Marsad.Analysis.Topics;

/// <summary>Accuracy, macro-F1, per-class scores, confusion, calibration and throughput of topic models.</summary>
public static class TopicEvaluator
{
    /// <summary>Predicts every item on one thread and scores the predictions; throughput includes featurisation.</summary>
    public static TopicEvaluation Evaluate(TopicModel model, IReadOnlyList<LabeledText> items)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(items);
        var predicted = new string[items.Count];
        var confidence = new double[items.Count];
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < items.Count; i++)
        {
            var p = model.Predict(items[i].Title, items[i].Body);
            predicted[i] = p.Label;
            confidence[i] = p.Confidence;
        }
        var seconds = clock.Elapsed.TotalSeconds;
        var gold = new string[items.Count];
        for (var i = 0; i < gold.Length; i++) gold[i] = items[i].Label;
        return Score(gold, predicted, confidence) with { ArticlesPerSecond = seconds > 0 ? items.Count / seconds : 0 };
    }

    /// <summary>Scores given predictions against gold labels; <paramref name="confidences"/> enables the calibration figure.</summary>
    public static TopicEvaluation Score(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, IReadOnlyList<double>? confidences = null)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count) throw new ArgumentException("Gold and predicted lists differ in length.", nameof(predicted));
        if (confidences is not null && confidences.Count != gold.Count)
            throw new ArgumentException("Confidences and gold lists differ in length.", nameof(confidences));

        var labels = gold.Concat(predicted).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++) index[labels[i]] = i;
        var confusion = new int[labels.Length][];
        for (var i = 0; i < labels.Length; i++) confusion[i] = new int[labels.Length];
        var correct = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            confusion[index[gold[i]]][index[predicted[i]]]++;
            if (string.Equals(gold[i], predicted[i], StringComparison.Ordinal)) correct++;
        }

        var perClass = new ClassMetrics[labels.Length];
        double f1Sum = 0;
        for (var c = 0; c < labels.Length; c++)
        {
            var tp = confusion[c][c];
            var support = confusion[c].Sum();
            var predictedCount = 0;
            for (var g = 0; g < labels.Length; g++) predictedCount += confusion[g][c];
            var precision = predictedCount > 0 ? tp / (double)predictedCount : 0;
            var recall = support > 0 ? tp / (double)support : 0;
            var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
            perClass[c] = new ClassMetrics(labels[c], precision, recall, f1, support);
            f1Sum += f1;
        }
        var accuracy = gold.Count > 0 ? correct / (double)gold.Count : 0;
        var macroF1 = labels.Length > 0 ? f1Sum / labels.Length : 0;
        var ece = confidences is null ? double.NaN : CalibrationError(gold, predicted, confidences);
        return new TopicEvaluation(labels, gold.Count, accuracy, macroF1, perClass, confusion, ece, 0);
    }

    /// <summary>
    /// For each source in <paramref name="test"/>: trains on the <paramref name="train"/> (and
    /// <paramref name="dev"/>, for calibration) items of the other sources, then evaluates on that source's test
    /// items. Items without a source are used for training only. Keyed by source name, ordinal order.
    /// </summary>
    public static IReadOnlyDictionary<string, TopicEvaluation> LeaveOneSourceOut(
        IReadOnlyList<LabeledText> train, IReadOnlyList<LabeledText>? dev, IReadOnlyList<LabeledText> test,
        TopicTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(test);
        var sources = test.Select(t => t.Source).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var result = new SortedDictionary<string, TopicEvaluation>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            bool Other(LabeledText t) => !string.Equals(t.Source, source, StringComparison.Ordinal);
            var model = TopicTrainer.Train(train.Where(Other).ToList(), dev?.Where(Other).ToList(), options);
            var heldOut = test.Where(t => !Other(t)).ToList();
            result[source] = Evaluate(model, heldOut);
        }
        return result;
    }

    /// <summary>
    /// k-fold cross-validation: scores every <paramref name="train"/> item with a model trained on the other folds
    /// (item i is in fold i mod k, so each fold samples every outlet and desk) and calibrated on
    /// <paramref name="dev"/>. It scores k times as many articles as dev alone, so changes of a few articles can be
    /// told from noise.
    /// </summary>
    public static TopicEvaluation CrossValidate(IReadOnlyList<LabeledText> train, IReadOnlyList<LabeledText>? dev, int folds, TopicTrainingOptions options)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var gold = new List<string>(train.Count);
        var predicted = new List<string>(train.Count);
        for (var f = 0; f < folds; f++)
        {
            var rest = new List<LabeledText>(train.Count);
            var held = new List<LabeledText>(train.Count / folds + 1);
            for (var i = 0; i < train.Count; i++) (i % folds == f ? held : rest).Add(train[i]);
            var model = TopicTrainer.Train(rest, dev, options);
            foreach (var item in held)
            {
                gold.Add(item.Label);
                predicted.Add(model.Predict(item.Title, item.Body).Label);
            }
        }
        return Score(gold, predicted);
    }

    private static double CalibrationError(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, IReadOnlyList<double> confidences)
    {
        const int Bins = 10;
        var count = new int[Bins];
        var confSum = new double[Bins];
        var hits = new int[Bins];
        for (var i = 0; i < gold.Count; i++)
        {
            var b = Math.Clamp((int)(confidences[i] * Bins), 0, Bins - 1);
            count[b]++;
            confSum[b] += confidences[i];
            if (string.Equals(gold[i], predicted[i], StringComparison.Ordinal)) hits[b]++;
        }
        double ece = 0;
        for (var b = 0; b < Bins; b++)
            if (count[b] > 0) ece += Math.Abs(hits[b] - confSum[b]) / gold.Count;
        return ece;
    }
}
