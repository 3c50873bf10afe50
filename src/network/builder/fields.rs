//! A leg's properties other than its ends, read into a [`Leg`] with a message for each one
//! that is wrong.

use geo::LineString;

use super::Builder;
use crate::error::ProblemKind;
use crate::network::checks::Checks;
use crate::network::kinds::{Mode, Status, Traction, Vessel};
use crate::network::model::{Leg, NodeIx};
use crate::network::properties::{Field, Properties};

impl Builder<'_> {
    /// A leg's properties other than its ends, typed and checked; `false` when it has no
    /// usable mode.
    pub(super) fn leg_fields(
        &self,
        id: String,
        props: Box<Properties<'_>>,
        checks: &mut Checks,
    ) -> (Leg, bool) {
        let props = *props;
        let mode = match props.mode {
            Field::Absent => match self.options.default_mode {
                Some(m) => Some(m),
                None => {
                    checks.messages.push((
                        "has no `mode` (sea, rail, road or ferry) and no default mode was given"
                            .into(),
                        ProblemKind::MissingMode,
                    ));
                    None
                }
            },
            given => checks.parsed::<Mode>("mode", given, true),
        };
        let countries: Vec<String> = checks
            .texts("countries", props.countries)
            .into_iter()
            .filter(|c| checks.country_code("countries", c))
            .collect();
        let status = checks
            .parsed::<Status>("status", props.status, true)
            .unwrap_or(Status::Operational);
        let gauge_mm = checks.number("gauge_mm", props.gauge_mm).and_then(|g| {
            if (500.0..=2000.0).contains(&g) && g.fract() == 0.0 {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                Some(g as u16)
            } else {
                checks.push(format!(
                    "`gauge_mm` {g} is not a track gauge in whole millimetres (500–2000)"
                ));
                None
            }
        });
        let traction = checks.parsed::<Traction>("traction", props.traction, false);
        let vessel = checks
            .parsed::<Vessel>("vessel", props.vessel, false)
            .unwrap_or(Vessel::Container);
        let published_km = checks.number("length_km", props.length_km);
        if let Some(km) = published_km
            && !(km.is_finite() && km > 0.0)
        {
            checks.push(format!("`length_km` {km} is not a positive length"));
        }
        let leg = Leg {
            id,
            name: checks.text("name", props.name),
            from: NodeIx(0),
            to: NodeIx(0),
            mode: mode.unwrap_or(Mode::Sea),
            countries,
            status,
            gauge_mm,
            traction,
            vessel,
            // Other people's networks mark a chokepoint with `passage`, as nodes do here.
            passages: match props.passages {
                Field::Absent => checks.text("passage", props.passage).into_iter().collect(),
                given => checks.texts("passages", given),
            },
            one_way: checks.flag("one_way", props.one_way),
            source: checks.text("source", props.source),
            published_km,
            published_source: checks.text("length_source", props.length_source),
            drawn_km: 0.0,
            geometry: LineString::new(Vec::new()),
        };
        (leg, mode.is_some())
    }
}
