"""The README's asyncio quickstart: one order, then both instructions read concurrently.

Configured from the environment like quickstart.py.
"""

import asyncio
from decimal import Decimal

import imburse


def debit(reference: str, amount: str) -> imburse.NewInstruction:
    return imburse.NewInstruction(
        instruction_ref=reference,
        customer_ref="CUST-1",
        direction=imburse.Direction.DEBIT,
        amount=Decimal(amount),
        currency="GBP",
        country="GB",
        scheme_id="654EB81FF7F07F7CF5A1EE3FF6972E90",
    )


async def main() -> None:
    async with imburse.AsyncClient.from_env() as client:
        await client.create_order(imburse.NewOrder("ORDER-2", instructions=[debit("I-1", "49.99"), debit("I-2", "0.10")]))
        responses = await asyncio.gather(
            client.get_instruction("ORDER-2", "I-1"),
            client.get_instruction("ORDER-2", "I-2"),
        )
        for response in responses:
            instruction = response.data
            print(f"{instruction.status} {instruction.amount} {instruction.currency}")


if __name__ == "__main__":
    asyncio.run(main())
