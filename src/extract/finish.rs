//! The last step: rejected calls widen to what they reject, statements are
//! ordered and deduplicated, and a quotation that opens with another
//! attribution becomes that speaker's, relayed.

use crate::extract::doc::Doc;
use crate::model::{Kind, Statement};
use std::collections::HashMap;

/// How many tokens into a quotation another attribution may open it ("“X, the minister said, ...”").
const RELAY_CUE_REACH: usize = 6;
/// How many tokens of the quotation may follow the inner statement for the
/// quotation still to be only the relayed words (closing punctuation).
const RELAY_TAIL: usize = 2;

impl<'t, 'd> Doc<'t, 'd> {
    /// Orders statements and removes duplicates.
    pub(crate) fn finish(mut self) -> Vec<Statement> {
        self.widen_rejections();
        self.out.sort_by_key(|a| (a.span.start, a.span.end));
        self.out.dedup_by(|a, b| a.span == b.span && a.speaker.name == b.speaker.name);
        self.relay_nested_attributions();
        self.out
    }

    /// A rejection's frame runs to the end of the call it rejects, so the
    /// rules see what was rejected ("... to exercise restraint").
    fn widen_rejections(&mut self) {
        if self.rejections.is_empty() {
            return;
        }
        let mut call_end: HashMap<usize, usize> = HashMap::new();
        for s in &self.out {
            if let Some(c) = &s.cue {
                let e = call_end.entry(c.start).or_insert(s.toks.end);
                *e = (*e).max(s.toks.end);
            }
        }
        for &(i, noun) in &self.rejections {
            if let Some(&end) = call_end.get(&noun) {
                let st = &mut self.out[i];
                st.scope.end = st.scope.end.max(end);
            }
        }
    }

    /// A statement whose content is a quotation beginning with another
    /// attribution ("“X said ...,” according to Y") is X's, relayed by Y:
    /// the outer statement goes, the inner one gets Y as its channel.
    /// Statements are sorted by start, so only those starting inside a
    /// direct quotation are looked at.
    #[allow(clippy::needless_range_loop)] // both `i` and `j` index `out`, which is mutated
    fn relay_nested_attributions(&mut self) {
        let mut relayed = vec![false; self.out.len()];
        for i in 0..self.out.len() {
            if self.out[i].kind != Kind::Direct {
                continue;
            }
            let (lo, hi) = (self.out[i].toks.start, self.out[i].toks.end);
            let first = self.out.partition_point(|s| s.toks.start < lo);
            for j in first..self.out.len() {
                if self.out[j].toks.start > hi {
                    break;
                }
                if i == j {
                    continue;
                }
                let (outer, inner) = (&self.out[i], &self.out[j]);
                let inner_cue_at_start = inner.cue.as_ref().is_some_and(|c| c.start >= outer.toks.start && c.start <= outer.toks.start + RELAY_CUE_REACH);
                // The inner statement runs (nearly) to the quotation's end: a
                // quotation going on past it ("“X said A. B,” Y said") is Y's own.
                let inner_to_end = inner.toks.end + RELAY_TAIL >= outer.toks.end;
                if inner_cue_at_start
                    && inner_to_end
                    && inner.toks.end <= outer.toks.end
                    && outer.toks != inner.toks
                    && outer.cue.as_ref().is_some_and(|c| c.start >= outer.toks.end || c.end <= outer.toks.start)
                {
                    relayed[i] = true;
                    let via = outer.speaker.mention.clone().or(outer.speaker.name.clone());
                    let inner = &mut self.out[j];
                    if inner.via.is_none() {
                        inner.via = via;
                    }
                    inner.kind = Kind::Direct;
                }
            }
        }
        let mut k = 0;
        self.out.retain(|_| {
            k += 1;
            !relayed[k - 1]
        });
    }
}
