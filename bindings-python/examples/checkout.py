"""The README's checkout quickstart: create an order, then a session token for its instruction,
and hand the token to the browser in the page that opens the hosted checkout.

Configured from the environment, as the quickstart is.
"""

import imburse

PAGE = """<script type="module" src="https://unpkg.com/@imburseag/imburse-checkout"></script>
<imburse-checkout token="{token}" return-url="https://shop.example/done" language="en"></imburse-checkout>"""


def main() -> None:
    with imburse.Client.from_env() as client:
        instruction = imburse.NewInstruction(
            "I-1", "CUST-7", "DEBIT", "49.99", "GBP", "GB", scheme_id="654EB81FF7F07F7CF5A1EE3FF6972E90"
        )
        client.create_order(imburse.NewOrder("ORDER-42", instructions=[instruction]))
        session = client.create_checkout_session(
            imburse.NewCheckoutSession(
                "ORDER-42",
                "I-1",
                expiry_seconds=900,
                customer_type="B2C",
                customer_first_name="Ada",
                customer_last_name="Lovelace",
                customer_email="ada@example.com",
            )
        ).data
        print(f"session {session.session_id} until {session.expires}: {session.session_token}")
        # The page the browser gets: the one place the token's text is used.
        print(PAGE.format(token=session.session_token.reveal()))


if __name__ == "__main__":
    main()
