//! Stance fixtures: the default rules on sentences in our own words,
//! especially polarity (negation, double negation, rejection) and label
//! contrasts (who holds what).

use crate::engine::Engine;
use crate::model::Document;
use std::sync::LazyLock;

static ENGINE: LazyLock<Engine> = LazyLock::new(Engine::builtin);

/// Labels of a sentence read as one statement.
fn stance(sentence: &str) -> Vec<String> {
    let doc = Document::snippet("s", sentence.to_string(), None);
    let text = ENGINE.prepare(&doc);
    let st = super::whole_text_statement(&text);
    ENGINE.classify(&text, vec![st]).pop().unwrap().labels
}

#[track_caller]
fn assert_stance(sentence: &str, want: &[&str]) {
    assert_eq!(stance(sentence), want, "{sentence:?}");
}

/// Holder -> labels for an article's statements (speaker name or actors).
fn holders(body: &str) -> Vec<(String, Vec<String>)> {
    let doc = Document::from_text("a.txt", format!("Headline\n\n2 March 2024\n\n{body}\n"), &ENGINE.furniture);
    let text = ENGINE.prepare(&doc);
    ENGINE.analyze(&text).into_iter().map(|c| (c.statement.speaker.actors.join("+"), c.labels)).collect()
}

#[test]
fn default_rules_pass_their_own_tests() {
    let (cases, failures) = ENGINE.test_rules();
    assert!(cases >= 120, "{cases} cases");
    assert!(failures.is_empty(), "{failures:#?}");
}

// ---------------------------------------------------------------- polarity

#[test]
fn double_negation_stays_affirmed() {
    assert_stance("They cannot afford not to retaliate.", &["deterrence"]);
}

#[test]
fn single_negation_drops_an_obligation() {
    assert_stance("They cannot afford to retaliate.", &[]);
}

#[test]
fn not_seeking_escalation_is_de_escalation() {
    assert_stance("We are not seeking to escalate the conflict.", &["de-escalation"]);
}

#[test]
fn seeking_escalation_affirmed_is_no_label() {
    assert_stance("The rebels are seeking to escalate the conflict.", &[]);
}

#[test]
fn did_not_rule_out_is_deterrence() {
    assert_stance("The defence minister did not rule out a military response.", &["deterrence"]);
}

#[test]
fn will_not_retaliate_is_de_escalation() {
    assert_stance("Our country will not retaliate.", &["de-escalation"]);
}

#[test]
fn never_hesitate_is_deterrence() {
    assert_stance("We will never hesitate to defend our people.", &["deterrence"]);
}

#[test]
fn not_back_down_is_deterrence() {
    assert_stance("Tehran will not back down under pressure.", &["deterrence"]);
}

#[test]
fn rather_than_advocating_restraint_is_no_call() {
    assert_stance("Leaders should tackle the roots of the conflict rather than simply pleading for restraint.", &[]);
}

#[test]
fn rejected_call_for_restraint_is_deterrence() {
    assert_stance("The government dismissed calls for restraint.", &["deterrence"]);
}

#[test]
fn rejected_ceasefire_is_deterrence() {
    assert_stance("The group rejected calls for a ceasefire.", &["deterrence"]);
}

#[test]
fn refrained_from_force_is_no_threat() {
    assert_stance("The navy refrained from using force.", &[]);
}

#[test]
fn negation_does_not_cross_a_contrast() {
    assert_stance("We do not want war, but we will respond to any attack.", &["deterrence", "de-escalation"]);
}

#[test]
fn negation_beyond_reach_does_not_count() {
    assert_stance("No one in the cabinet doubted that the army was preparing a response.", &["deterrence"]);
}

#[test]
fn negation_inside_the_pattern_is_part_of_it() {
    assert_stance("The strike was timed so as not to risk the truce talks.", &["de-escalation"]);
}

// ---------------------------------------------------------------- label contrasts

#[test]
fn calling_on_others_is_restraint() {
    assert_stance("Berlin called on both sides to exercise restraint.", &["restraint"]);
}

#[test]
fn showing_restraint_oneself_is_de_escalation() {
    assert_stance("We will keep showing restraint.", &["de-escalation"]);
}

#[test]
fn nobody_interest_is_restraint() {
    assert_stance("An all-out war is in nobody's interest.", &["restraint"]);
}

#[test]
fn limited_action_is_de_escalation() {
    assert_stance("Our operation was limited and targeted.", &["de-escalation"]);
}

#[test]
fn threat_and_limit_together() {
    assert_stance("Our retaliation will come, but it will be calibrated so as not to derail the negotiations.", &["deterrence", "de-escalation"]);
}

#[test]
fn mediator_announcing_truce_is_de_escalation() {
    assert_stance("Egypt announced a three-day truce.", &["de-escalation"]);
}

#[test]
fn warning_to_stand_down_is_deterrence_not_restraint() {
    assert_stance("The carrier deployment is a warning to Tehran to stand down.", &["deterrence"]);
}

#[test]
fn asking_to_stand_down_is_restraint() {
    assert_stance("The three leaders asked Tehran to stand down.", &["restraint"]);
}

#[test]
fn dismissed_calls_gives_each_holder_its_stance() {
    let h = holders("Ankara dismissed calls from Germany to exercise restraint.");
    assert!(h.contains(&("Turkey".into(), vec!["deterrence".into()])), "{h:?}");
    assert!(h.contains(&("Germany".into(), vec!["restraint".into()])), "{h:?}");
}

#[test]
fn caller_holds_restraint() {
    let h = holders("Qatar called on Israel to show restraint.");
    assert_eq!(h, [("Qatar".into(), vec!["restraint".into()])]);
}

#[test]
fn reported_threat_is_still_a_threat() {
    let h = holders("Hezbollah said it will respond to the killing.");
    assert_eq!(h, [("Hezbollah".into(), vec!["deterrence".into()])]);
}

#[test]
fn unrelated_news_gets_no_label() {
    assert_stance("The ministry said the new bridge would open in May.", &[]);
}

// ---------------------------------------------------------------- cue meaning, mappings, context

#[test]
fn appeal_not_to_retaliate_is_the_callers_restraint() {
    // Negated retaliation is de-escalation in the mouth of the one who would
    // retaliate; asked of another party, it is the caller's restraint.
    let h = holders("Norway urged Armenia not to retaliate for the shelling.");
    assert_eq!(h, vec![("Norway".to_string(), vec!["restraint".to_string()])]);
}

#[test]
fn own_negated_retaliation_stays_de_escalation() {
    let h = holders("Armenia said it would not retaliate for the shelling.");
    assert_eq!(h, vec![("Armenia".to_string(), vec!["de-escalation".to_string()])]);
}

#[test]
fn an_ultimatum_inside_an_appeal_stays_the_callers_threat() {
    let h = holders("Ghana urged the junta to disarm or face more strikes.");
    assert_eq!(h.len(), 1);
    assert!(h[0].1.contains(&"deterrence".to_string()), "{h:?}");
}

#[test]
fn asking_for_a_truce_with_ones_adversary_is_de_escalation() {
    let h = holders("Nepal called for an immediate truce with the insurgents.");
    assert_eq!(h, vec![("Nepal".to_string(), vec!["de-escalation".to_string()])]);
}

#[test]
fn a_threatening_cue_labels_neutral_content() {
    let h = holders("Venezuela threatened to close the airspace over the islands.");
    assert_eq!(h, vec![("Venezuela".to_string(), vec!["deterrence".to_string()])]);
}

#[test]
fn everyday_senses_need_a_confrontation_in_the_sentence() {
    assert_stance("Shoppers paid a heavy price for imported fruit.", &[]);
    assert_stance("Any invader would pay a heavy price, the general said.", &["deterrence"]);
}

#[test]
fn a_negator_closing_an_elided_clause_does_not_reach_on() {
    assert_stance("If they do not, further strikes will follow.", &["deterrence"]);
    assert_stance("Further strikes will not follow.", &[]);
}

#[test]
fn stopping_provocations_that_cross_red_lines_is_restraint() {
    let h = holders("Japan urged the North to stop provocations that cross red lines.");
    assert_eq!(h, vec![("Japan".to_string(), vec!["restraint".to_string()])]);
}

#[test]
fn a_call_for_release_inside_an_appeal_is_not_the_callers_de_escalation() {
    let h = holders("Norway called on the rebels to free the hostages and on the army to halt its shelling.");
    assert_eq!(h, vec![("Norway".to_string(), vec!["restraint".to_string()])]);
}
