"""The peer of `news topics --unit article`: scikit-learn's "Clustering text documents using k-means" recipe.

TfidfVectorizer(stop_words='english', sublinear_tf=True, min_df=2, ngram_range=(1, 2)), then TruncatedSVD(100) and
Normalizer() (LSA), then KMeans(k, n_init=5, random_state=seed). Run by the `topics` benchmark with Debian's
/usr/bin/python3 (python3-sklearn 1.2.1) on the same CSV as ours; it times itself by phase (wall and CPU seconds) and
writes one cluster label per row, in row order.

usage: /usr/bin/python3 topics_sklearn.py INPUT.csv K LABELS_OUT [SEED]
INPUT.csv has a header with a `text` column and optionally `title` (joined before the text, as our article unit is).
"""
import csv
import json
import sys
import time

start, start_cpu = time.perf_counter(), time.process_time()
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import Normalizer

path, k, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
seed = int(sys.argv[4]) if len(sys.argv) > 4 else 0
phases = {}


def mark(phase, since):
    """Records the wall and CPU seconds since `since` (a (wall, cpu) pair) and returns now's pair."""
    now = (time.perf_counter(), time.process_time())
    phases[phase] = [round(now[0] - since[0], 3), round(now[1] - since[1], 3)]
    return now


t = mark("import", (start, start_cpu))
with open(path, encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f))
texts = [(r["title"] + "\n\n" + r["text"]) if r.get("title") else r["text"] for r in rows]
t = mark("read", t)
vectorizer = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2, ngram_range=(1, 2))
x = vectorizer.fit_transform(texts)
t = mark("tfidf", t)
# random_state fixed so the peer's row is repeatable (the recipe leaves the SVD unseeded).
lsa = make_pipeline(TruncatedSVD(n_components=100, random_state=seed), Normalizer(copy=False))
x = lsa.fit_transform(x)
t = mark("svd", t)
labels = KMeans(n_clusters=k, n_init=5, random_state=seed).fit(x).labels_
t = mark("kmeans", t)

with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(str(int(label)) for label in labels) + "\n")
mark("write", t)
print(json.dumps({"rows": len(texts), "terms": len(vectorizer.vocabulary_), "phases": phases}))
