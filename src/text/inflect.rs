//! English word forms, so that rule and cue authors write `respond` and
//! match `responds`, `responded`, `responding`.
//!
//! Forms are generated at compile time of a rule set, never per document.
//! Generation errs on the side of too many forms (a non-word form costs
//! nothing, a missing form loses a match). British and American spellings
//! (`defence`/`defense`, `neutralise`/`neutralize`) are folded the same way.
//! Irregular verbs and the words never inflected are data
//! (`rules/lexicon/spelling.toml`); the regular rules are code.

use crate::text::vocab::Spelling;

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Every form of `word` (lowercase): the word itself, plural or third
/// person, past, gerund, and spelling variants. Multi-word input is returned
/// as is.
pub(crate) fn forms(word: &str, spelling: &Spelling) -> Vec<String> {
    spelling.forms_cache.get_or(word, || {
        let w = word.to_lowercase();
        let mut out: Vec<String> = std::iter::once(w.clone()).chain(spelling_variants(&w)).flat_map(|v| inflections(&v, spelling)).collect();
        out.sort();
        out.dedup();
        out
    })
}

/// The inflections of one spelling.
fn inflections(w: &str, spelling: &Spelling) -> Vec<String> {
    let w = w.to_string();
    let mut out = vec![w.clone()];
    if w.contains(' ') || !w.chars().all(|c| c.is_ascii_alphabetic()) {
        return out;
    }
    out.extend(spelling.irregular_forms(&w).map(str::to_string));
    // Function words are not inflected.
    if spelling.uninflected.contains(&w) {
        return out;
    }
    let b = w.as_bytes();
    let n = b.len();
    if n >= 2 {
        let last = b[n - 1];
        let prev = b[n - 2];
        // Plural / third person.
        if w.ends_with('s') || w.ends_with('x') || w.ends_with('z') || w.ends_with("ch") || w.ends_with("sh") || w.ends_with('o') {
            out.push(format!("{w}es"));
        }
        if last == b'y' && !is_vowel(prev) {
            let stem = &w[..n - 1];
            out.push(format!("{stem}ies"));
            out.push(format!("{stem}ied"));
        } else {
            out.push(format!("{w}s"));
        }
        // Past and gerund.
        if last == b'e' {
            out.push(format!("{w}d"));
            if !(w.ends_with("ee") || w.ends_with("ye") || w.ends_with("oe")) {
                out.push(format!("{}ing", &w[..n - 1]));
            } else {
                out.push(format!("{w}ing"));
            }
        } else {
            if last != b'y' || is_vowel(prev) {
                out.push(format!("{w}ed"));
            }
            out.push(format!("{w}ing"));
            // Consonant doubling (stop -> stopped), generated for short CVC endings.
            if n >= 3 && !is_vowel(last) && is_vowel(prev) && !is_vowel(b[n - 3]) && !matches!(last, b'w' | b'x' | b'y') {
                out.push(format!("{w}{}ed", last as char));
                out.push(format!("{w}{}ing", last as char));
            }
        }
    }
    out
}

/// British/American spelling variants of one form.
pub(crate) fn spelling_variants(f: &str) -> Vec<String> {
    let mut v = Vec::new();
    for (a, b) in [("ence", "ense"), ("ise", "ize"), ("isa", "iza"), ("our", "or"), ("yse", "yze"), ("lled", "led"), ("lling", "ling")] {
        if let Some(i) = f.rfind(a)
            && i >= 3
        {
            v.push(format!("{}{}{}", &f[..i], b, &f[i + a.len()..]));
        }
        if let Some(i) = f.rfind(b)
            && i >= 3
        {
            v.push(format!("{}{}{}", &f[..i], a, &f[i + b.len()..]));
        }
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::vocab::Vocabulary;

    fn has(word: &str, form: &str) -> bool {
        forms(word, &Vocabulary::builtin().spelling).iter().any(|f| f == form)
    }

    #[test]
    fn regular_verbs_and_nouns() {
        for f in ["respond", "responds", "responded", "responding"] {
            assert!(has("respond", f), "{f}");
        }
        for f in ["urges", "urged", "urging"] {
            assert!(has("urge", f), "{f}");
        }
        assert!(has("reply", "replied") && has("reply", "replies"));
        assert!(has("stop", "stopped") && has("stop", "stopping"));
        assert!(has("threat", "threats"));
        assert!(has("vow", "vowed") && !has("vow", "vowwed"));
    }

    #[test]
    fn irregular_verbs() {
        assert!(has("say", "said") && has("tell", "told") && has("seek", "sought"));
        assert!(has("said", "say"));
    }

    #[test]
    fn spelling_variants_fold() {
        assert!(has("defence", "defense"));
        assert!(has("neutralise", "neutralized"));
        assert!(has("neutralize", "neutralising"));
    }

    #[test]
    fn function_words_are_fixed() {
        assert_eq!(forms("not", &Vocabulary::builtin().spelling), ["not"]);
    }
}
