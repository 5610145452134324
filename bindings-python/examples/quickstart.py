"""The README's quickstart: create an order with one instruction and read the instruction back.

Configured from the environment: IMBURSE_PUBLIC_KEY, IMBURSE_PRIVATE_KEY, IMBURSE_ACCOUNT_ID,
IMBURSE_TENANT_ID and IMBURSE_BASE_URL (or IMBURSE_ENVIRONMENT=sandbox|production).
"""

from decimal import Decimal

import imburse


def main() -> None:
    with imburse.Client.from_env() as client:
        order = imburse.NewOrder(
            order_ref="ORDER-1",
            instructions=[
                imburse.NewInstruction(
                    instruction_ref="I-1",
                    customer_ref="CUST-1",
                    direction=imburse.Direction.DEBIT,
                    amount=Decimal("49.99"),  # exact: Decimal or str, never a float
                    currency="GBP",
                    country="GB",
                    settled_by_date="2026-12-31",
                    scheme_id="654EB81FF7F07F7CF5A1EE3FF6972E90",
                )
            ],
        )
        created = client.create_order(order)
        try:
            instruction = client.get_instruction("ORDER-1", "I-1", correlation_id="checkout-1234").data
        except imburse.NotFoundError:
            raise SystemExit("the instruction is gone")
        except imburse.ImburseError as error:
            raise SystemExit(f"{type(error).__name__}: {error.code} {error.correlation_id}")
        print(f"{instruction.status} {instruction.amount} {instruction.currency} (attempts {created.meta.attempts})")


if __name__ == "__main__":
    main()
