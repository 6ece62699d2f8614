//! English word forms, so that rule and cue authors write `respond` and
//! match `responds`, `responded`, `responding`.
//!
//! Forms are generated at compile time of a rule set, never per document.
//! Generation errs on the side of too many forms (a non-word form costs
//! nothing, a missing form loses a match). British and American spellings
//! (`defence`/`defense`, `neutralise`/`neutralize`) are folded the same way.

/// Irregular verbs: base form first, then the other forms.
const IRREGULAR: &[&[&str]] = &[
    &["say", "says", "said", "saying"],
    &["tell", "tells", "told", "telling"],
    &["be", "is", "am", "are", "was", "were", "been", "being"],
    &["have", "has", "had", "having"],
    &["do", "does", "did", "done", "doing"],
    &["make", "makes", "made", "making"],
    &["take", "takes", "took", "taken", "taking"],
    &["give", "gives", "gave", "given", "giving"],
    &["go", "goes", "went", "gone", "going"],
    &["come", "comes", "came", "coming"],
    &["get", "gets", "got", "gotten", "getting"],
    &["hold", "holds", "held", "holding"],
    &["keep", "keeps", "kept", "keeping"],
    &["send", "sends", "sent", "sending"],
    &["seek", "seeks", "sought", "seeking"],
    &["strike", "strikes", "struck", "stricken", "striking"],
    &["hit", "hits", "hitting"],
    &["fight", "fights", "fought", "fighting"],
    &["speak", "speaks", "spoke", "spoken", "speaking"],
    &["write", "writes", "wrote", "written", "writing"],
    &["think", "thinks", "thought", "thinking"],
    &["mean", "means", "meant", "meaning"],
    &["stand", "stands", "stood", "standing"],
    &["withdraw", "withdraws", "withdrew", "withdrawn", "withdrawing"],
    &["draw", "draws", "drew", "drawn", "drawing"],
    &["lead", "leads", "led", "leading"],
    &["meet", "meets", "met", "meeting"],
    &["put", "puts", "putting"],
    &["set", "sets", "setting"],
    &["let", "lets", "letting"],
    &["bear", "bears", "bore", "borne", "born", "bearing"],
    &["pay", "pays", "paid", "paying"],
    &["lay", "lays", "laid", "laying"],
    &["swear", "swears", "swore", "sworn", "swearing"],
    &["forbid", "forbids", "forbade", "forbidden", "forbidding"],
    &["undertake", "undertakes", "undertook", "undertaken", "undertaking"],
    &["forgo", "forgoes", "forwent", "forgone", "forgoing"],
    &["shoot", "shoots", "shot", "shooting"],
    &["bring", "brings", "brought", "bringing"],
    &["know", "knows", "knew", "known", "knowing"],
    &["see", "sees", "saw", "seen", "seeing"],
    &["show", "shows", "showed", "shown", "showing"],
    &["rise", "rises", "rose", "risen", "rising"],
    &["begin", "begins", "began", "begun", "beginning"],
    &["win", "wins", "won", "winning"],
    &["lose", "loses", "lost", "losing"],
    &["leave", "leaves", "left", "leaving"],
    &["feel", "feels", "felt", "feeling"],
    &["hear", "hears", "heard", "hearing"],
    &["read", "reads", "reading"],
    &["build", "builds", "built", "building"],
    &["spend", "spends", "spent", "spending"],
    &["break", "breaks", "broke", "broken", "breaking"],
    &["choose", "chooses", "chose", "chosen", "choosing"],
    &["drive", "drives", "drove", "driven", "driving"],
    &["fall", "falls", "fell", "fallen", "falling"],
];

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Every form of `word` (lowercase): the word itself, plural or third
/// person, past, gerund, and spelling variants. Multi-word input is returned
/// as is.
pub fn forms(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    let mut out: Vec<String> = std::iter::once(w.clone()).chain(spelling_variants(&w)).flat_map(|v| inflections(&v)).collect();
    out.sort();
    out.dedup();
    out
}

/// The inflections of one spelling.
fn inflections(w: &str) -> Vec<String> {
    let w = w.to_string();
    let mut out = vec![w.clone()];
    if w.contains(' ') || !w.chars().all(|c| c.is_ascii_alphabetic()) {
        return out;
    }
    for set in IRREGULAR {
        if set.contains(&w.as_str()) {
            out.extend(set.iter().map(|s| s.to_string()));
        }
    }
    // Modal-like and function words are not inflected.
    const FIXED: &[&str] = &["not", "no", "never", "the", "a", "an", "of", "to", "and", "or", "for", "on", "in", "at", "by", "with", "from", "any", "all"];
    if FIXED.contains(&w.as_str()) {
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
pub fn spelling_variants(f: &str) -> Vec<String> {
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

    fn has(word: &str, form: &str) -> bool {
        forms(word).iter().any(|f| f == form)
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
        assert_eq!(forms("not"), ["not"]);
    }
}
