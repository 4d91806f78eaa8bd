"""Helpers for referral-tracker tests: a small network made through the app's own use cases."""

from dataclasses import dataclass

from app.cases.services import CaseData, open_case
from app.consent.services import ConsentData, record_consent
from app.referrals.services import create_referral, send_referral
from tests import factories


@dataclass
class Network:
    sender_org: object
    receiver_org: object
    outsider_org: object
    sender: object  # a caseworker of the sending organisation
    receiver: object  # a caseworker of the receiving organisation
    outsider: object  # a caseworker of an organisation with no part in the referral
    service: object  # the receiving organisation's shelter
    categories: dict


def network() -> Network:
    categories = factories.taxonomy()
    sender_org = factories.organisation("TH-SEND", "Sending Foundation", "TH")
    receiver_org = factories.organisation("VN-RECV", "Receiving Centre", "VN")
    outsider_org = factories.organisation("MY-OUT", "Outside Clinic", "MY")
    service = factories.service(
        receiver_org,
        [categories["emergency_shelter"], categories["safe_return"]],
        name="Return and shelter programme",
    )
    return Network(
        sender_org=sender_org,
        receiver_org=receiver_org,
        outsider_org=outsider_org,
        sender=factories.user("sender@test.example", sender_org, ["caseworker"]),
        receiver=factories.user("receiver@test.example", receiver_org, ["caseworker"]),
        outsider=factories.user("outsider@test.example", outsider_org, ["caseworker"]),
        service=service,
        categories=categories,
    )


def case(net: Network, **values):
    needs = values.pop("needs", ["emergency_shelter"])
    data = CaseData(
        **{
            "name": "Lan Nguyen",
            "contact": "+84 90 555 0101",
            "sex": "female",
            "estimated_age": 24,
            **values,
        }
    )
    return open_case(net.sender, data, [net.categories[n].id for n in needs])


def consent(
    net: Network,
    case,
    kind="referral",
    organisations=None,
    needs=("emergency_shelter",),
    data=("identity", "needs"),
    **values,
):
    organisations = [net.receiver_org] if organisations is None else organisations
    return record_consent(
        case,
        net.sender,
        ConsentData(
            kind=kind,
            organisation_ids=[o.id for o in organisations],
            purpose_ids=[net.categories[n].id for n in needs],
            data_categories=list(data),
            language="vi",
            **values,
        ),
    )


def referral(net: Network, case, needs=("emergency_shelter",), send=True, urgency="normal"):
    made = create_referral(
        case,
        net.sender,
        net.service,
        [net.categories[n].id for n in needs],
        urgency,
        "Needs a bed tonight.",
    )
    if send:
        send_referral(made, net.sender, made.version)
    return made
