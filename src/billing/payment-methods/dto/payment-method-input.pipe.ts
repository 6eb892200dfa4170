import { Injectable, PipeTransform } from '@nestjs/common';
import { validationFailed } from '../../../common/domain-error';
import { createValidationPipe } from '../../../common/validation';
import { PaymentMethodType } from '../payment-method.entity';
import { NewCardPaymentMethodDto, NewPaymentMethodDto, NewSepaPaymentMethodDto } from './payment-method.dto';

const INPUT_BY_TYPE: Record<PaymentMethodType, typeof NewSepaPaymentMethodDto | typeof NewCardPaymentMethodDto> = {
  [PaymentMethodType.Sepa]: NewSepaPaymentMethodDto,
  [PaymentMethodType.Card]: NewCardPaymentMethodDto,
};

/**
 * Validates the body as the DTO its `type` names, with the application's usual
 * rules, so a field of the other type is rejected as unknown (the global pipe
 * cannot: a union type has no class to validate against).
 */
@Injectable()
export class PaymentMethodInputPipe implements PipeTransform<unknown, Promise<NewPaymentMethodDto>> {
  private readonly validation = createValidationPipe();

  async transform(body: unknown): Promise<NewPaymentMethodDto> {
    const type = (body as { type?: unknown } | null)?.type;
    const metatype = typeof type === 'string' && Object.hasOwn(INPUT_BY_TYPE, type) ? INPUT_BY_TYPE[type as PaymentMethodType] : undefined;
    if (!metatype) {
      throw validationFailed([{ field: 'type', message: 'type must be one of: sepa, card' }]);
    }
    return this.validation.transform(body, { type: 'body', metatype }) as Promise<NewPaymentMethodDto>;
  }
}
