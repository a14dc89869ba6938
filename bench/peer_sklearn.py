#!/usr/bin/env python3
"""The peer for the digest benchmark: scikit-learn TF-IDF + average-linkage clustering.

usage: peer_sklearn.py CORPUS.jsonl [--threshold 0.85] [--max-articles 20000]

Reads the same JSONL article envelopes as `briefings bench digest`, builds TF-IDF vectors
(title counted twice, sublinear tf, English stop words), and clusters them with average
linkage on cosine distance, stopping at the distance threshold: the README's peer on the
same corpus. Prints one JSON line: seconds (vectors + clustering, after reading), its phases,
the clusters found and the peak resident memory. Average linkage over all pairs needs the
n x n distance matrix (8 n^2 bytes); above --max-articles the script says so instead of
running out of memory.
"""
import argparse, json, resource, sys, time


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("corpus")
    parser.add_argument("--threshold", type=float, default=0.85)
    parser.add_argument("--max-articles", type=int, default=20000)
    args = parser.parse_args()

    started = time.perf_counter()
    docs = []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                title = a.get("title") or ""
                docs.append(f"{title} {title} {a.get('body') or ''}")
    read = time.perf_counter() - started
    if len(docs) > args.max_articles:
        print(json.dumps({"articles": len(docs), "skipped": f"average linkage needs the {len(docs):,} x {len(docs):,} distance matrix ({8 * len(docs) ** 2 / 2 ** 30:.0f} GiB)"}))
        return

    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_distances

    t0 = time.perf_counter()
    vectors = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(docs)
    t1 = time.perf_counter()
    distances = cosine_distances(vectors)
    t2 = time.perf_counter()
    labels = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                     distance_threshold=args.threshold).fit_predict(distances)
    t3 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({
        "articles": len(docs),
        "clusters": int(labels.max()) + 1,
        "seconds": t3 - t0,
        "phasesMs": {"read": round(read * 1000, 1), "tfidf": round((t1 - t0) * 1000, 1),
                     "distances": round((t2 - t1) * 1000, 1), "linkage": round((t3 - t2) * 1000, 1)},
        "peakBytes": peak,
    }))


if __name__ == "__main__":
    sys.exit(main())
