//! Inducing word classes from unlabelled text: predictive exchange clustering (Uszkoreit and
//! Brants 2008, after Martin, Liermann and Ney 1998), the kind of clusters that feature-based
//! taggers lean on to read names they never saw labelled.
//!
//! The model is a class bigram: a word's class is predicted from the word before it,
//! `P(class(w) | v)`. Words used alike (`Trump`, `Clinton`, `Obama` after `Mr.`, `said`,
//! `told`) end up in one class, so a tagger that learnt from `Clinton` in 1996 reads `Trump` in
//! 2016 the same way. The objective to maximise, up to constants, is
//!
//! ```text
//! F = Σ_{v,c} n(v,c) log n(v,c)  −  Σ_c n(c) log n(c)
//! ```
//!
//! where `n(v,c)` counts the bigrams `v w` with `w` in class `c`, and `n(c)` the tokens of class
//! `c`. The exchange algorithm moves one word at a time to the class that raises `F` most; moving
//! `w` only changes the `n(v,·)` of the words `v` seen before it, so each move costs
//! `O(classes × distinct left neighbours of w)`.
//!
//! Deterministic: words are visited in frequency order (ties by spelling), start in classes dealt
//! round-robin by that order, and a tie between classes goes to the lower index.

use std::collections::HashMap;

/// The classes of every word seen at least `min_count` times in `sentences`, `classes` of them.
/// Returns `(word, class)` pairs sorted by word.
pub fn induce(
    sentences: &[Vec<String>],
    classes: usize,
    min_count: u32,
    iterations: usize,
    log: &mut dyn std::io::Write,
) -> Vec<(String, u16)> {
    let classes = classes.clamp(2, u16::MAX as usize);
    // Vocabulary: id 0 is the sentence start (never clustered, only a left context), then the
    // kept words in frequency order; rarer words share id 1 ("other"), a context but no class.
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for s in sentences {
        for w in s {
            *counts.entry(w.as_str()).or_default() += 1;
        }
    }
    let mut vocab: Vec<(&str, u32)> = counts
        .iter()
        .filter(|(_, &c)| c >= min_count)
        .map(|(&w, &c)| (w, c))
        .collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let id_of: HashMap<&str, usize> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i + 2))
        .collect();
    let n_ids = vocab.len() + 2;
    // Left neighbours of each kept word: (left id, count), and each word's token count.
    let mut bigrams: HashMap<(usize, usize), u32> = HashMap::new();
    let mut unigram = vec![0f64; n_ids];
    for s in sentences {
        let mut prev = 0usize;
        for w in s {
            let id = id_of.get(w.as_str()).copied().unwrap_or(1);
            if id >= 2 {
                *bigrams.entry((prev, id)).or_default() += 1;
                unigram[id] += 1.0;
            }
            prev = id;
        }
    }
    let mut left: Vec<Vec<(usize, f64)>> = vec![Vec::new(); n_ids];
    let mut pairs: Vec<((usize, usize), u32)> = bigrams.into_iter().collect();
    pairs.sort_unstable();
    for ((v, w), c) in pairs {
        left[w].push((v, f64::from(c)));
    }
    // Start: kept words dealt round-robin over the classes by frequency.
    let mut class_of: Vec<usize> = (0..n_ids).map(|i| i % classes).collect();
    let k = classes;
    let mut n_vc = vec![0f64; n_ids * k];
    let mut n_c = vec![0f64; k];
    for w in 2..n_ids {
        let c = class_of[w];
        n_c[c] += unigram[w];
        for &(v, m) in &left[w] {
            n_vc[v * k + c] += m;
        }
    }
    let f = |x: f64| if x > 0.0 { x * x.ln() } else { 0.0 };
    let mut gain = vec![0f64; k];
    for iteration in 1..=iterations {
        let mut moved = 0usize;
        for w in 2..n_ids {
            let a = class_of[w];
            let nw = unigram[w];
            // Take w out of its class.
            for &(v, m) in &left[w] {
                n_vc[v * k + a] -= m;
            }
            n_c[a] -= nw;
            // The gain of putting it into each class.
            for (c, g) in gain.iter_mut().enumerate() {
                *g = f(n_c[c]) - f(n_c[c] + nw);
            }
            for &(v, m) in &left[w] {
                let row = &n_vc[v * k..(v + 1) * k];
                for (g, &x) in gain.iter_mut().zip(row) {
                    *g += f(x + m) - f(x);
                }
            }
            // Only a clear gain moves a word, so float noise never makes it wander.
            let mut best = a;
            for c in 0..k {
                if gain[c] > gain[best] + 1e-9 {
                    best = c;
                }
            }
            for &(v, m) in &left[w] {
                n_vc[v * k + best] += m;
            }
            n_c[best] += nw;
            if best != a {
                class_of[w] = best;
                moved += 1;
            }
        }
        let _ = writeln!(log, "  iteration {iteration}: {moved} words moved");
        if moved == 0 {
            break;
        }
    }
    let mut out: Vec<(String, u16)> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (w.to_string(), class_of[i + 2] as u16))
        .collect();
    out.sort();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_used_alike_share_a_class() {
        let mut sentences = Vec::new();
        for name in ["Trump", "Clinton", "Obama"] {
            for verb in ["said", "told", "argued"] {
                sentences.push(vec!["Mr.".to_string(), name.to_string(), verb.to_string()]);
            }
        }
        for place in ["Ohio", "Texas", "Iowa"] {
            for verb in ["in", "from", "across"] {
                sentences.push(vec![verb.to_string(), place.to_string(), ".".to_string()]);
            }
        }
        let classes: HashMap<String, u16> = induce(&sentences, 4, 1, 10, &mut std::io::sink())
            .into_iter()
            .collect();
        assert_eq!(classes["Trump"], classes["Clinton"]);
        assert_eq!(classes["Clinton"], classes["Obama"]);
        assert_eq!(classes["Ohio"], classes["Texas"]);
        assert_ne!(classes["Trump"], classes["Ohio"]);
        let again = induce(&sentences, 4, 1, 10, &mut std::io::sink());
        let first = induce(&sentences, 4, 1, 10, &mut std::io::sink());
        assert_eq!(again, first, "deterministic");
    }
}
