using System.Globalization;

namespace NewsAnalysis;

/// <summary>
/// Topic models kept in the result store and reused on a rerun: the first run fits and saves the model
/// (<see cref="SavedTopicModel"/>); later runs assign the new units to it, and the units it was fitted on keep their
/// topics. <c>refit</c> fits afresh (and replaces the saved model); a saved model fitted with other options, or under
/// another <see cref="SavedTopicModel.FormatVersion"/>, is never used: the model is fitted afresh and
/// <see cref="TopicModel.ModelNote"/> says why.
/// </summary>
public static class TopicModelReuse
{
    /// <summary>
    /// Assigned units sitting on average this much farther from their centroids than fitted ones (as a ratio of the mean
    /// cosine distances), or outnumbering them, make <see cref="TopicModel.ModelNote"/> advise a refit.
    /// </summary>
    public const double RefitDistanceRatio = 1.25;

    /// <summary>
    /// <see cref="FitOrAssign(NewsCorpus, TopicOptions?, ArticleResultStore, bool)"/> with the store in effect
    /// (<see cref="ArticleResultStore.Current"/> or <c>NEWSANALYSIS_CACHE</c>); without one, a plain
    /// <see cref="TopicModeler.Fit"/>.
    /// </summary>
    public static TopicModel FitOrAssign(NewsCorpus corpus, TopicOptions? options = null, bool refit = false) =>
        ArticleResultStore.WithCurrent(store => FitOrAssign(corpus, options, store, refit), () => TopicModeler.Fit(corpus, options));

    /// <summary>
    /// The topic model of <paramref name="corpus"/>: the model saved in <paramref name="store"/> for the options' unit
    /// with the new units assigned to it, or (no usable saved model, or <paramref name="refit"/>) a fresh fit, saved for
    /// the next run. <see cref="TopicModel.ModelNote"/> says which, and why.
    /// </summary>
    public static TopicModel FitOrAssign(NewsCorpus corpus, TopicOptions? options, ArticleResultStore store, bool refit = false)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        ArgumentNullException.ThrowIfNull(store);
        options ??= TopicOptions.Default;
        options.Validate();
        string name = ModelName(options);
        string why;
        if (options.Method != TopicMethod.KMeans) why = $"only k-means models are saved for reuse (method {options.Method.ToString().ToLowerInvariant()})";
        else if (refit) why = "--refit asked for a fresh fit";
        else
        {
            SavedTopicModel? saved = null;
            string? unusable;
            var bytes = store.LoadModel(name);
            if (bytes is null) unusable = NoModel;
            else
            {
                try
                {
                    saved = SavedTopicModel.Read(bytes);
                    unusable = saved is null ? $"the saved topic model is of another version (this is {SavedTopicModel.FormatVersion})" : saved.Incompatibility(options);
                }
                catch (InvalidDataException e) { unusable = $"the saved topic model is unreadable ({e.Message})"; }
            }
            if (unusable is null)
            {
                var clock = new TopicPhaseTimer();
                var assigned = saved!.Assign(corpus);
                clock.Mark("assign");
                assigned.Phases = clock.Phases;
                assigned.ModelNote = ReuseNote(assigned, saved);
                return assigned;
            }
            why = unusable;
        }
        var model = TopicModeler.Fit(corpus, options);
        var saving = new TopicPhaseTimer();
        var toSave = options.Method == TopicMethod.KMeans ? SavedTopicModel.From(model) : null;
        model.FitState = null;
        if (toSave is not null)
        {
            store.SaveModel(name, toSave.ToBytes());
            saving.Mark("save model");
            model.Phases = [.. model.Phases, .. saving.Phases];
        }
        // A first fit, or a method that is never saved, is what a run without the store does: nothing to say. A saved
        // model that could not be used, or --refit, is said.
        bool quiet = why == NoModel || (!refit && options.Method != TopicMethod.KMeans);
        model.ModelNote = quiet ? null : toSave is not null
            ? $"topic model fitted afresh on {model.Assignments.Count:N0} {Unit(options)}s and saved for reuse ({why})."
            : $"topic model fitted afresh, not saved ({(options.Method == TopicMethod.KMeans ? why + "; a one-topic model is not saved" : why)}).";
        return model;
    }

    /// <summary>The name a model of <paramref name="options"/> is kept under in the store: one per unit.</summary>
    public static string ModelName(TopicOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return "topics/" + Unit(options);
    }

    private const string NoModel = "no saved topic model";

    private static string Unit(TopicOptions options) => options.Unit.ToString().ToLowerInvariant();

    private static string ReuseNote(TopicModel model, SavedTopicModel saved)
    {
        var fitted = model.Assignments.Where(a => !a.Assigned && a.Topic >= 0).Select(a => 1 - a.Confidence).ToList();
        var assigned = model.Assignments.Where(a => a.Assigned && a.Topic >= 0).Select(a => 1 - a.Confidence).ToList();
        int assignedAll = model.Assignments.Count(a => a.Assigned);
        var note = string.Create(CultureInfo.InvariantCulture,
            $"reused the topic model saved {saved.SavedUtc:yyyy-MM-dd HH:mm} UTC (fitted on {saved.FittedUnits:N0} {Unit(model.Options)}s): {assignedAll:N0} of {model.Assignments.Count:N0} assigned to it, the rest fitted");
        if (assigned.Count == 0) return note + "; --refit fits afresh.";
        double f = fitted.Count > 0 ? fitted.Average() : double.NaN, a = assigned.Average();
        note += string.Create(CultureInfo.InvariantCulture, $"; mean cosine distance to the centroid: fitted {f:F3}, assigned {a:F3}");
        bool drifted = fitted.Count == 0 || assigned.Count > fitted.Count || a > f * RefitDistanceRatio;
        return note + (drifted ? " — the new units fit the model poorly or outnumber its own: consider --refit." : "; --refit fits afresh.");
    }
}
