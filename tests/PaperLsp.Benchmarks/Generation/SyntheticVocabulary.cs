namespace PaperLsp.Benchmarks.Generation;

/// <summary>The words synthetic titles, names and abstracts are drawn from: machine learning, cryptography and systems.</summary>
internal static class SyntheticVocabulary
{
    public static readonly string[] Adjectives =
    [
        "Efficient", "Scalable", "Robust", "Provably Secure", "Adaptive", "Sparse", "Linear-Time", "Self-Supervised",
        "Differentiable", "Lightweight", "Federated", "Distributed", "Zero-Knowledge", "Post-Quantum", "Verifiable",
        "Lock-Free", "Incremental", "Contrastive", "Hierarchical", "Multi-Task", "Low-Rank", "Quantized", "Byzantine-Tolerant",
        "Threshold", "Homomorphic", "Causal", "Probabilistic", "Neural", "Asynchronous", "Memory-Efficient", "Optimal",
        "Practical", "Generalized", "Fast", "Tight", "Succinct", "Private", "Deterministic", "Randomized", "Continual",
    ];

    public static readonly string[] Nouns =
    [
        "Attention", "Transformers", "Graph Neural Networks", "Signatures", "Commitments", "Consensus", "Garbage Collection",
        "Key Exchange", "Language Models", "Embeddings", "Diffusion Models", "Lattices", "Oblivious Transfer", "Caches",
        "Schedulers", "Compilers", "Proofs", "Hash Functions", "Encryption", "Retrieval", "Representations", "Kernels",
        "File Systems", "Replication", "Sketches", "Indexes", "Optimizers", "Autoencoders", "Policies", "Accumulators",
        "Secret Sharing", "Mixture-of-Experts", "State Machines", "Vector Databases", "Circuits", "Tokenizers",
        "Random Oracles", "Reinforcement Learning", "Point Clouds", "Code Generation", "Benchmarks", "Pairings",
    ];

    public static readonly string[] Domains =
    [
        "Long Sequences", "Image Classification", "Machine Translation", "Blockchains", "Cloud Storage", "Edge Devices",
        "Question Answering", "Speech Recognition", "Smart Contracts", "Key-Value Stores", "Molecular Design",
        "Recommendation", "Anomaly Detection", "Time Series", "Multiparty Computation", "Database Systems",
        "Autonomous Driving", "Program Synthesis", "Software Verification", "Genomics", "Few-Shot Learning",
        "the Random Oracle Model", "the Standard Model", "Heterogeneous Clusters", "Mobile Networks", "Text-to-Image Generation",
    ];

    public static readonly string[] Connectives = ["for", "via", "with", "in", "under", "beyond", "without", "from"];

    public static readonly string[] CoinedStems =
    [
        "Nova", "Hydra", "Lumen", "Orca", "Zephyr", "Quill", "Falcon", "Mosaic", "Vertex", "Prism", "Atlas", "Helix",
        "Cobalt", "Ember", "Kestrel", "Nimbus", "Onyx", "Pulsar", "Raven", "Sable", "Tundra", "Vortex", "Willow", "Yarrow",
    ];

    public static readonly string[] CoinedSuffixes = ["former", "Net", "GAN", "BERT", "DB", "FS", "Sig", "PIR", "Lock", "Chain"];

    /// <summary>Names written with LaTeX accents in .bib files (the form real bibliographies use) and their Unicode.</summary>
    public static readonly LatexText[] AccentedFamilies =
    [
        new("M{\\\"u}ller", "Müller"), new("Sch{\\\"o}nberg", "Schönberg"), new("Erd{\\H{o}}s", "Erdős"),
        new("Garc{\\'i}a", "García"), new("Fran{\\c{c}}ois", "François"), new("Nystr{\\\"o}m", "Nyström"),
        new("Pe{\\~n}a", "Peña"), new("S{\\o}rensen", "Sørensen"), new("Dvo{\\v{r}}{\\'a}k", "Dvořák"),
        new("G{\\\"o}del", "Gödel"), new("Ca{\\~n}ete", "Cañete"), new("Bj{\\\"o}rklund", "Björklund"),
        new("Lef{\\`e}vre", "Lefèvre"), new("Ho{\\ss}feld", "Hoßfeld"), new("{\\L}ukasiewicz", "Łukasiewicz"),
    ];

    public static readonly LatexText[] AccentedGivens =
    [
        new("J{\\'e}r{\\^o}me", "Jérôme"), new("Ren{\\'e}", "René"), new("Bj{\\\"o}rn", "Björn"), new("{\\'E}va", "Éva"),
        new("Zo{\\\"e}", "Zoë"), new("Jos{\\'e}", "José"), new("Fran{\\c{c}}oise", "Françoise"), new("S{\\o}ren", "Søren"),
    ];

    public static readonly string[] Families =
    [
        "Xiong", "Wang", "Zhang", "Li", "Chen", "Liu", "Smith", "Johnson", "Kim", "Park", "Nguyen", "Singh", "Kumar",
        "Brown", "Garcia", "Rossi", "Ivanov", "Tanaka", "Sato", "Cohen", "Levi", "Okafor", "Mensah", "Silva", "Santos",
        "Dubois", "Bernard", "Schmidt", "Schneider", "Fischer", "Weber", "Novak", "Kowalski", "Andersson", "Hansen",
        "Yamamoto", "Gupta", "Patel", "Ali", "Hassan", "Katz", "Boneh", "Shoup", "Goldwasser", "Micali", "Vaswani",
    ];

    public static readonly string[] Givens =
    [
        "Yunyang", "Wei", "Jing", "Min", "Alice", "Bob", "Carol", "David", "Emma", "Felix", "Grace", "Hiro", "Ines",
        "Jonas", "Kenji", "Laura", "Maya", "Noah", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tariq", "Uma", "Victor",
        "Anna", "Dan", "Shafi", "Silvio", "Ashish", "Noam", "Niki", "Jakob", "Llion", "Aidan", "Lukasz", "Illia",
    ];

    public static readonly string[] AbstractWords =
    [
        "we", "propose", "a", "novel", "method", "for", "the", "of", "and", "to", "in", "that", "our", "approach", "model",
        "models", "results", "show", "improves", "over", "prior", "work", "state-of-the-art", "performance", "on",
        "benchmarks", "efficient", "scalable", "secure", "attention", "transformer", "graph", "neural", "network",
        "protocol", "adversary", "proof", "security", "reduction", "lattice", "latency", "throughput", "memory", "cache",
        "training", "inference", "data", "datasets", "experiments", "demonstrate", "significant", "improvements",
        "complexity", "linear", "quadratic", "sequence", "length", "accuracy", "robustness", "under", "assumptions",
        "this", "paper", "is", "with", "by", "as", "an", "from", "which", "can", "be", "used", "system", "systems",
        "implementation", "evaluation", "analysis", "theoretical", "empirical", "bound", "bounds", "lower", "upper",
    ];
}
