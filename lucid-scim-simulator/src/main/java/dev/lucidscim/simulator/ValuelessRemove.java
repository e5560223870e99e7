package dev.lucidscim.simulator;

import java.util.List;

import de.captaingoldfish.scim.sdk.common.constants.enums.PatchOp;
import de.captaingoldfish.scim.sdk.common.request.PatchRequestOperation;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.server.patch.workarounds.PatchWorkaround;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;

/**
 * RFC 7644 section 3.5.2.2 for the SCIM library's PATCH engine, in the standard dialect
 * ({@link SimulatorDialect#unfilteredRemoveClearsTheAttribute()}): the RFC gives a {@code remove} no {@code value},
 * so a value it carries is ignored and its path alone decides: without a filter the attribute and all its values go,
 * with one the values it matches. It takes the place of the library's MS Azure workaround, which reads such a value
 * as the values to remove (as Lucid does).
 */
final class ValuelessRemove extends PatchWorkaround {

    @Override
    public boolean shouldBeHandled(PatchConfig patchConfig, ResourceType resourceType,
                                   PatchRequestOperation operation) {
        return operation.getOp() == PatchOp.REMOVE && !operation.getValues().isEmpty();
    }

    @Override
    public boolean executeOtherHandlers() {
        return true;
    }

    @Override
    public PatchRequestOperation fixPatchRequestOperaton(ResourceType resourceType,
                                                         PatchRequestOperation operation) {
        operation.setValues(List.of());
        return operation;
    }
}
