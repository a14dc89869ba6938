namespace Briefings.Core.Stories;

/// <summary>
/// Candidate pairs from the articles' embeddings, in time linear in the number of articles, for
/// reports that share no uncommon word and so are never proposed by the words' index: each
/// article's vector is hashed by which side of <see cref="Bits"/> random hyperplanes it falls on,
/// in <see cref="Tables"/> independent tables, and articles that share a bucket in any table are
/// proposed to each other. Two vectors at cosine c share one hyperplane's side with probability
/// 1 − arccos(c)/π, so close vectors meet in some table and distant ones rarely do. A bucket holding
/// more than a share of the day (a direction every article leans to) proposes nothing, as a too
/// common term does. The hyperplanes are seeded, so a day is grouped the same on every run.
/// </summary>
internal sealed class EmbeddingBuckets
{
    private const int Tables = 6;
    private const int Bits = 12;

    /// <summary>Proposals an article takes from its buckets, at most.</summary>
    private const int MaxProposals = 20;

    /// <summary>Each table's articles ordered by bucket, and where each bucket starts in that order.</summary>
    private readonly int[][] _members = new int[Tables][];
    private readonly int[][] _starts = new int[Tables][];

    /// <summary>Each article's bucket in each table, or -1 without a vector.</summary>
    private readonly int[][] _bucketOf = new int[Tables][];
    private readonly int _maxBucket;

    public EmbeddingBuckets(float[]?[] embeddings, int maxBucket)
    {
        _maxBucket = maxBucket;
        var dimensions = embeddings.FirstOrDefault(e => e is not null)?.Length ?? 0;
        var random = new Random(20261124);
        var planes = new float[Tables * Bits][];
        for (var p = 0; p < planes.Length; p++)
        {
            planes[p] = new float[dimensions];
            for (var k = 0; k < dimensions; k++)
            {
                planes[p][k] = (float)(random.NextDouble() * 2 - 1);
            }
        }

        for (var t = 0; t < Tables; t++)
        {
            _bucketOf[t] = new int[embeddings.Length];
        }

        EveryCore.For(embeddings.Length, (i, _) =>
        {
            var vector = embeddings[i];
            for (var t = 0; t < Tables; t++)
            {
                var bucket = -1;
                if (vector is not null && vector.Length == dimensions)
                {
                    bucket = 0;
                    for (var b = 0; b < Bits; b++)
                    {
                        bucket = bucket << 1 | (NeighbourSearch.Dot(vector, planes[t * Bits + b]) >= 0 ? 1 : 0);
                    }
                }

                _bucketOf[t][i] = bucket;
            }
        });

        // A counting sort per table: articles by bucket, in article order within one.
        for (var t = 0; t < Tables; t++)
        {
            var starts = new int[(1 << Bits) + 1];
            foreach (var bucket in _bucketOf[t])
            {
                if (bucket >= 0)
                {
                    starts[bucket + 1]++;
                }
            }

            for (var b = 0; b < 1 << Bits; b++)
            {
                starts[b + 1] += starts[b];
            }

            var members = new int[starts[^1]];
            var next = (int[])starts.Clone();
            for (var i = 0; i < embeddings.Length; i++)
            {
                if (_bucketOf[t][i] is var bucket and >= 0)
                {
                    members[next[bucket]++] = i;
                }
            }

            _members[t] = members;
            _starts[t] = starts;
        }
    }

    /// <summary>
    /// Adds to <paramref name="proposals"/> the articles that share a bucket with article
    /// <paramref name="i"/> and are not there yet: those whose mark in <paramref name="marks"/> is
    /// not <paramref name="mark"/>, which the caller has set for article <paramref name="i"/> and the
    /// proposals it passes (a search's own marks, so nothing is allocated per article).
    /// </summary>
    public void Propose(int i, List<int> proposals, int[] marks, int mark)
    {
        var added = 0;
        for (var t = 0; t < Tables && added < MaxProposals; t++)
        {
            var bucket = _bucketOf[t][i];
            if (bucket < 0 || _starts[t][bucket + 1] - _starts[t][bucket] > _maxBucket)
            {
                continue;
            }

            for (var k = _starts[t][bucket]; k < _starts[t][bucket + 1] && added < MaxProposals; k++)
            {
                var j = _members[t][k];
                if (marks[j] != mark)
                {
                    marks[j] = mark;
                    proposals.Add(j);
                    added++;
                }
            }
        }
    }
}
