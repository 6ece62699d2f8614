//! The last step: rejected calls widen to what they reject, statements are
//! ordered and deduplicated, and a quotation that opens with another
//! attribution becomes that speaker's, relayed.

use crate::extract::doc::Doc;
use crate::model::{Kind, Statement};

impl<'t, 'd> Doc<'t, 'd> {
    /// Orders statements and removes duplicates.
    pub(crate) fn finish(mut self) -> Vec<Statement> {
        // A rejection's frame runs to the end of the call it rejects, so the
        // rules see what was rejected ("... to exercise restraint").
        for &(i, noun) in &self.rejections {
            let end = self.out.iter().filter(|s| s.cue.as_ref().is_some_and(|c| c.start == noun)).map(|s| s.toks.end).max();
            if let Some(end) = end {
                let st = &mut self.out[i];
                st.scope.end = st.scope.end.max(end);
            }
        }
        self.out.sort_by_key(|a| (a.span.start, a.span.end));
        self.out.dedup_by(|a, b| a.span == b.span && a.speaker.name == b.speaker.name);
        // A statement whose content is a quotation beginning with another
        // attribution ("“X said ...,” according to Y") is X's, relayed by Y.
        let mut relayed: Vec<usize> = Vec::new();
        for i in 0..self.out.len() {
            for j in 0..self.out.len() {
                if i == j {
                    continue;
                }
                let (outer, inner) = (&self.out[i], &self.out[j]);
                let inner_cue_at_start = inner.cue.as_ref().is_some_and(|c| c.start >= outer.toks.start && c.start <= outer.toks.start + 6);
                if outer.kind == Kind::Direct
                    && inner_cue_at_start
                    && outer.toks.start <= inner.toks.start
                    && inner.toks.end <= outer.toks.end
                    && outer.toks != inner.toks
                    && outer.cue.as_ref().is_some_and(|c| c.start >= outer.toks.end || c.end <= outer.toks.start)
                {
                    relayed.push(i);
                    let via = outer.speaker.mention.clone().or(outer.speaker.name.clone());
                    let kind = if outer.kind == Kind::Direct { Kind::Direct } else { inner.kind };
                    let inner = &mut self.out[j];
                    if inner.via.is_none() {
                        inner.via = via;
                    }
                    inner.kind = kind;
                }
            }
        }
        relayed.sort_unstable();
        relayed.dedup();
        for i in relayed.into_iter().rev() {
            self.out.remove(i);
        }
        self.out
    }
}
