// The SDK from Java: settings and call options by builder, a record by its overloaded
// constructor, calls without `null` for what they leave out, and the typed exception. Against
// the library's in-process emulator; exits non-zero when anything is not as shown.
package com.example;

import com.imburse.BlockingClient;
import com.imburse.CallOptions;
import com.imburse.ClientConfig;
import com.imburse.ImburseException;
import com.imburse.InstructionResponse;
import com.imburse.core.Direction;
import com.imburse.core.NewInstruction;
import com.imburse.core.NewOrder;
import com.imburse.core.SecretValue;
import com.imburse.testing.ControlException;
import com.imburse.testing.EmulatorInfo;
import com.imburse.testing.TestEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;

public final class JavaQuickstart {
    public static void main(String[] args) throws ImburseException, ControlException {
        try (TestEmulator emulator = TestEmulator.startBlocking()) {
            EmulatorInfo server = emulator.info();
            ClientConfig config = ClientConfig.builder()
                    .publicKey(server.getPublicKey())
                    .privateKey(new SecretValue(server.getPrivateKey()))  // never shown by toString()
                    .accountId(server.getAccountId())
                    .tenantId(server.getTenantId())
                    .baseUrl(server.getUrl())
                    .attemptTimeout(Duration.ofSeconds(10))
                    .build();

            try (BlockingClient client = new BlockingClient(config)) {
                // The trailing optional fields left out: the financial instrument and the metadata.
                NewInstruction instruction = new NewInstruction("I-1", "CUST-1", Direction.DEBIT, "49.99", "GBP", "GB",
                        "2026-12-31", "654EB81FF7F07F7CF5A1EE3FF6972E90");
                NewOrder order = new NewOrder("ORDER-1", List.of(instruction), Map.of("channel", "java"));
                int status = client.createOrder(order).getData().getStatus();

                InstructionResponse read = client.getInstruction(
                        "ORDER-1", "I-1", CallOptions.builder().correlationId("checkout-1234").build());
                System.out.println(read.getData().getStatus() + " " + read.getData().getAmount() + " "
                        + read.getData().getCurrency() + ", correlation id " + read.getMeta().getClientCorrelationId());

                try {
                    client.getOrder("ORDER-MISSING");
                    fail("a missing order was found");
                } catch (ImburseException.BadRequest e) {
                    System.out.println("missing order: " + e.details().getCode() + " (HTTP " + e.details().getStatus() + ")");
                    check("ORDER_NOT_FOUND".equals(e.details().getCode()), "code " + e.details().getCode());
                }

                check(status == 202, "create status " + status);
                check("49.99".equals(read.getData().getAmount()), "amount " + read.getData().getAmount());
                check("checkout-1234".equals(read.getMeta().getClientCorrelationId()), "correlation id");
                check(!config.toString().contains(server.getPrivateKey()), "the private key is never printed");
                System.out.println("java: builder settings, overloaded calls and typed exceptions work");
            }
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            fail(what);
        }
    }

    private static void fail(String what) {
        System.err.println("java quickstart: " + what);
        System.exit(1);
    }
}
